// SampleContent: what a `--sample` vault holds (qml/sample_vault.h): two submissions an NGO
// would write to the bundled call, in English, French or Spanish, and the files they attach —
// a monitoring report as a real PDF and a phone photo as a real JPEG, both drawn here.
#pragma once

#include "store/vault_store.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace amicus::app {

// One submission as its author typed it.
struct SampleSubmission {
    QString organization;
    QString organizationKind; // a code the editor offers: "ngo", "nhri", ...
    QString country;
    QString contact;
    store::Consent consent = store::Consent::Public;
    // In the order of the call's key questions; fewer answers than questions leave the rest blank.
    QStringList answers;
    QString documentName; // empty: no document attached
    QString photoName;    // empty: no photo attached
};

struct SampleContent {
    SampleSubmission draft;     // still being written: the editor, review and export show it
    SampleSubmission submitted; // finished and waiting in the outbox
};

// The sample in `language` ("en", "fr" or "es"; anything else gives English).
[[nodiscard]] SampleContent sampleContent(const QString& language);

// A one-page PDF report of `submission` (its organization and answers), made with QPdfWriter.
// Needs a QGuiApplication (fonts).
[[nodiscard]] QByteArray sampleReport(const SampleSubmission& submission);

// A photo as a phone takes it: 2400x1600 pixels of an open-air meeting, JPEG at quality 90.
[[nodiscard]] QByteArray samplePhoto();

} // namespace amicus::app
