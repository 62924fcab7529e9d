// The table of amicus-intake's commands. A new command is one line here and one file.
#include "command.h"

namespace amicus::intake {

std::span<const Command> commands()
{
    static const Command table[] = {
        {"keygen", "[-o FILE] | -y [FILE]",
         "make an X25519 identity (age-keygen format); -y prints an identity file's recipient",
         runKeygen},
        {"encrypt", "[-a] (-r RECIPIENT | -R PATH)... [-o OUT] [IN]",
         "encrypt IN (or stdin) to age recipients, to OUT (or stdout); -a: ASCII armor",
         runEncrypt},
        {"decrypt", "-i IDENTITY_FILE... [-o OUT] [IN]",
         "decrypt an age file (binary or armored) with the identities in IDENTITY_FILE",
         runDecrypt},
        {"catalog", "keygen -o KEY | pubkey -k KEY | sign -k KEY CATALOG | verify -p PUB CATALOG",
         "make a catalog-signing key, sign a calls catalog (CATALOG.sig), or verify one",
         runCatalog},
        {"init", "DIR",
         "make the secretariat's age identity, catalog-signing and receipt-signing keys in DIR",
         runInit},
        {"inbox",
         "STORE_DIR -i IDENTITY -o OUT_DIR [--receipts DIR] [--receipt-key BASE64] "
         "[--retry UPLOAD_ID|all]",
         "check, decrypt and unpack every finished upload into OUT_DIR/<submission id>/, with "
         "index.csv and index.json; refused uploads are kept in OUT_DIR/refused.json and not "
         "read again unless --retry names them",
         runInbox},
        {"publish", "OUT_DIR -o PUBLIC_DIR [--catalog CATALOG.json]",
         "render the submissions whose consent allows it as ODT documents with an HTML index",
         runPublish},
        {"receipt", "verify -p RECEIPT_KEY [--envelope ENVELOPE.age] RECEIPT.json",
         "check a receipt an NGO saved from its outbox against the endpoint's receipt key",
         runReceipt},
    };
    return table;
}

} // namespace amicus::intake
