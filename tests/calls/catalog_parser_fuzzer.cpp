// libFuzzer harness for the catalog parser and the decoders it relies on. Beyond "no crash, no
// sanitizer report", it checks the parser's promises on every catalog it accepts.
#include "calls/age_recipient.h"
#include "calls/catalog_parser.h"
#include "calls/catalog_signature.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

void require(bool condition)
{
    if (!condition) {
        std::abort();
    }
}

void checkText(const amicus::calls::LocalizedText& text)
{
    using amicus::calls::Language;
    for (Language language : amicus::calls::allLanguages) {
        require(!text.text(language).empty());
        if (text.isFallback(language)) {
            require(language != Language::En);
            require(text.text(language) == text.text(Language::En));
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    (void)amicus::calls::parseCatalogSignature(bytes);
    (void)amicus::calls::decodeAgeRecipient(bytes);

    const auto parsed = amicus::calls::parseCatalog(bytes);
    if (!parsed) {
        return 0;
    }
    const amicus::calls::Catalog& catalog = *parsed;
    require(catalog.sequence < (std::uint64_t{1} << 53));
    for (const amicus::calls::Call& call : catalog.calls) {
        require(catalog.call(call.id).ok());
        require(!call.questions.empty() && !call.recipients.empty());
        for (const std::string& recipient : call.recipients) {
            require(amicus::calls::decodeAgeRecipient(recipient).has_value());
        }
        for (const auto* text :
             {&call.issuingBody, &call.title, &call.purpose, &call.useOfInputs}) {
            checkText(*text);
        }
        for (const amicus::calls::KeyQuestion& question : call.questions) {
            checkText(question.text);
            require(call.question(question.id).ok());
        }
        require(call.receiptUrl("x").rfind(call.origin(), 0) == 0);
        require(call.limits.wordsPerAnswer > 0);
    }
    return 0;
}
