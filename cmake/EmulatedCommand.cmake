# amicus_emulated_command(<out-var> <target>): a program path that tests may start from a shell
# or a script. Natively it is the target's own file; in a cross build (build-arm64/) it is a
# small wrapper that starts the target through CMAKE_CROSSCOMPILING_EMULATOR, because this
# machine has no binfmt_misc and an arm64 program started directly fails with "Exec format
# error". add_test() already does this for a test's own COMMAND; this is for everything else.
function(amicus_emulated_command out target)
    if(NOT CMAKE_CROSSCOMPILING_EMULATOR)
        set(${out} "$<TARGET_FILE:${target}>" PARENT_SCOPE)
        return()
    endif()
    list(JOIN CMAKE_CROSSCOMPILING_EMULATOR " " emulator)
    set(wrapper "${CMAKE_BINARY_DIR}/emulated/${target}")
    file(GENERATE OUTPUT "${wrapper}"
         CONTENT "#!/bin/sh\nexec ${emulator} \"$<TARGET_FILE:${target}>\" \"$@\"\n"
         FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                          WORLD_READ WORLD_EXECUTE)
    set(${out} "${wrapper}" PARENT_SCOPE)
endfunction()
