// The libcurl and libarchive functions core calls, defined in the `amicus` executable itself:
// each loads its library on first use and calls through. So the executable does not link the
// two libraries, and the first frame does not wait for them and their thirty-odd dependencies
// (GnuTLS, LDAP, Kerberos, libxml2, ...) to be mapped, relocated and initialised: that cost
// about 8 ms CPU and 14 ms wall before the unlock screen (bench/app, cold start). Only this
// executable does it; tests and tools link the libraries as usual.
#define CURL_DISABLE_TYPECHECK // the typecheck macros would rename the definitions below
#include <QLibrary>
#include <archive.h>
#include <archive_entry.h>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <curl/curl.h>

namespace {

// Loads a library once; a missing library is a broken installation: say which and stop.
QLibrary& loaded(const char* name, int version)
{
    auto* library = new QLibrary(QString::fromLatin1(name), version); // lives as long as the app
    if (!library->load()) {
        std::fprintf(stderr, "amicus: cannot load lib%s (%s)\n", name,
                     qPrintable(library->errorString()));
        std::abort();
    }
    return *library;
}

QFunctionPointer curlSymbol(const char* symbol)
{
    static QLibrary& curl = loaded("curl", 4);
    const QFunctionPointer function = curl.resolve(symbol);
    if (!function) {
        std::fprintf(stderr, "amicus: libcurl has no %s\n", symbol);
        std::abort();
    }
    return function;
}

QFunctionPointer archiveSymbol(const char* symbol)
{
    static QLibrary& archive = loaded("archive", 13);
    const QFunctionPointer function = archive.resolve(symbol);
    if (!function) {
        std::fprintf(stderr, "amicus: libarchive has no %s\n", symbol);
        std::abort();
    }
    return function;
}

} // namespace

// The library's own function `name`, looked up once.
#define AMICUS_REAL(library, name)                                                                 \
    ([] {                                                                                          \
        static const auto function = reinterpret_cast<decltype(&::name)>(library##Symbol(#name));  \
        return function;                                                                           \
    }())

extern "C" {

CURLcode curl_global_init(long flags)
{
    return AMICUS_REAL(curl, curl_global_init)(flags);
}

CURL* curl_easy_init()
{
    return AMICUS_REAL(curl, curl_easy_init)();
}

void curl_easy_cleanup(CURL* curl)
{
    AMICUS_REAL(curl, curl_easy_cleanup)(curl);
}

void curl_easy_reset(CURL* curl)
{
    AMICUS_REAL(curl, curl_easy_reset)(curl);
}

CURLcode curl_easy_perform(CURL* curl)
{
    return AMICUS_REAL(curl, curl_easy_perform)(curl);
}

// The value's type follows from the option number (curl.h: CURLOPTTYPE_*).
CURLcode curl_easy_setopt(CURL* curl, CURLoption option, ...)
{
    const auto real = AMICUS_REAL(curl, curl_easy_setopt);
    va_list arguments;
    va_start(arguments, option);
    CURLcode result = CURLE_OK;
    if (option < CURLOPTTYPE_OBJECTPOINT) {
        result = real(curl, option, va_arg(arguments, long));
    } else if (option < CURLOPTTYPE_FUNCTIONPOINT) {
        result = real(curl, option, va_arg(arguments, void*));
    } else if (option < CURLOPTTYPE_OFF_T) {
        result = real(curl, option, va_arg(arguments, void (*)()));
    } else if (option < CURLOPTTYPE_BLOB) {
        result = real(curl, option, va_arg(arguments, curl_off_t));
    } else {
        result = real(curl, option, va_arg(arguments, void*));
    }
    va_end(arguments);
    return result;
}

// Every CURLINFO_* takes a pointer to where the answer goes.
CURLcode curl_easy_getinfo(CURL* curl, CURLINFO info, ...)
{
    va_list arguments;
    va_start(arguments, info);
    void* answer = va_arg(arguments, void*);
    va_end(arguments);
    return AMICUS_REAL(curl, curl_easy_getinfo)(curl, info, answer);
}

const char* curl_easy_strerror(CURLcode code)
{
    return AMICUS_REAL(curl, curl_easy_strerror)(code);
}

curl_slist* curl_slist_append(curl_slist* list, const char* text)
{
    return AMICUS_REAL(curl, curl_slist_append)(list, text);
}

void curl_slist_free_all(curl_slist* list)
{
    AMICUS_REAL(curl, curl_slist_free_all)(list);
}

void curl_free(void* pointer)
{
    AMICUS_REAL(curl, curl_free)(pointer);
}

time_t curl_getdate(const char* text, const time_t* unused)
{
    return AMICUS_REAL(curl, curl_getdate)(text, unused);
}

curl_version_info_data* curl_version_info(CURLversion version)
{
    return AMICUS_REAL(curl, curl_version_info)(version);
}

CURLU* curl_url()
{
    return AMICUS_REAL(curl, curl_url)();
}

void curl_url_cleanup(CURLU* url)
{
    AMICUS_REAL(curl, curl_url_cleanup)(url);
}

CURLUcode curl_url_get(CURLU* url, CURLUPart part, char** text, unsigned int flags)
{
    return AMICUS_REAL(curl, curl_url_get)(url, part, text, flags);
}

CURLUcode curl_url_set(CURLU* url, CURLUPart part, const char* text, unsigned int flags)
{
    return AMICUS_REAL(curl, curl_url_set)(url, part, text, flags);
}

const char* archive_version_string()
{
    return AMICUS_REAL(archive, archive_version_string)();
}

int archive_errno(struct archive* archive)
{
    return AMICUS_REAL(archive, archive_errno)(archive);
}

const char* archive_error_string(struct archive* archive)
{
    return AMICUS_REAL(archive, archive_error_string)(archive);
}

struct archive* archive_write_new()
{
    return AMICUS_REAL(archive, archive_write_new)();
}

int archive_write_set_format_pax_restricted(struct archive* archive)
{
    return AMICUS_REAL(archive, archive_write_set_format_pax_restricted)(archive);
}

int archive_write_open(struct archive* archive, void* data, archive_open_callback* open,
                       archive_write_callback* write, archive_close_callback* close)
{
    return AMICUS_REAL(archive, archive_write_open)(archive, data, open, write, close);
}

int archive_write_header(struct archive* archive, struct archive_entry* entry)
{
    return AMICUS_REAL(archive, archive_write_header)(archive, entry);
}

la_ssize_t archive_write_data(struct archive* archive, const void* data, size_t size)
{
    return AMICUS_REAL(archive, archive_write_data)(archive, data, size);
}

int archive_write_close(struct archive* archive)
{
    return AMICUS_REAL(archive, archive_write_close)(archive);
}

int archive_write_free(struct archive* archive)
{
    return AMICUS_REAL(archive, archive_write_free)(archive);
}

struct archive* archive_read_new()
{
    return AMICUS_REAL(archive, archive_read_new)();
}

int archive_read_support_format_tar(struct archive* archive)
{
    return AMICUS_REAL(archive, archive_read_support_format_tar)(archive);
}

int archive_read_open(struct archive* archive, void* data, archive_open_callback* open,
                      archive_read_callback* read, archive_close_callback* close)
{
    return AMICUS_REAL(archive, archive_read_open)(archive, data, open, read, close);
}

int archive_read_next_header(struct archive* archive, struct archive_entry** entry)
{
    return AMICUS_REAL(archive, archive_read_next_header)(archive, entry);
}

la_ssize_t archive_read_data(struct archive* archive, void* data, size_t size)
{
    return AMICUS_REAL(archive, archive_read_data)(archive, data, size);
}

int archive_read_free(struct archive* archive)
{
    return AMICUS_REAL(archive, archive_read_free)(archive);
}

struct archive_entry* archive_entry_new()
{
    return AMICUS_REAL(archive, archive_entry_new)();
}

void archive_entry_free(struct archive_entry* entry)
{
    AMICUS_REAL(archive, archive_entry_free)(entry);
}

__LA_MODE_T archive_entry_filetype(struct archive_entry* entry)
{
    return AMICUS_REAL(archive, archive_entry_filetype)(entry);
}

const char* archive_entry_hardlink(struct archive_entry* entry)
{
    return AMICUS_REAL(archive, archive_entry_hardlink)(entry);
}

const char* archive_entry_symlink(struct archive_entry* entry)
{
    return AMICUS_REAL(archive, archive_entry_symlink)(entry);
}

const char* archive_entry_pathname(struct archive_entry* entry)
{
    return AMICUS_REAL(archive, archive_entry_pathname)(entry);
}

const char* archive_entry_pathname_utf8(struct archive_entry* entry)
{
    return AMICUS_REAL(archive, archive_entry_pathname_utf8)(entry);
}

la_int64_t archive_entry_size(struct archive_entry* entry)
{
    return AMICUS_REAL(archive, archive_entry_size)(entry);
}

void archive_entry_set_pathname_utf8(struct archive_entry* entry, const char* path)
{
    AMICUS_REAL(archive, archive_entry_set_pathname_utf8)(entry, path);
}

void archive_entry_set_mode(struct archive_entry* entry, __LA_MODE_T mode)
{
    AMICUS_REAL(archive, archive_entry_set_mode)(entry, mode);
}

void archive_entry_set_size(struct archive_entry* entry, la_int64_t size)
{
    AMICUS_REAL(archive, archive_entry_set_size)(entry, size);
}

void archive_entry_set_mtime(struct archive_entry* entry, time_t seconds, long nanoseconds)
{
    AMICUS_REAL(archive, archive_entry_set_mtime)(entry, seconds, nanoseconds);
}

void archive_entry_set_uid(struct archive_entry* entry, la_int64_t uid)
{
    AMICUS_REAL(archive, archive_entry_set_uid)(entry, uid);
}

void archive_entry_set_gid(struct archive_entry* entry, la_int64_t gid)
{
    AMICUS_REAL(archive, archive_entry_set_gid)(entry, gid);
}

} // extern "C"
