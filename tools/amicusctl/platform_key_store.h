// Which key store amicusctl's vault options use (vault_key_store.h): this OS's, or one a test
// gives. Only in builds with the platform layer (AMICUS_BUILD_APP).
#pragma once

#include "key_store.h"

namespace amicus::amicusctl {

// Uses `keyStore` (which must outlive its use) instead of this OS's; nullptr: this OS's again.
void useKeyStore(platform::KeyStore* keyStore);

} // namespace amicus::amicusctl
