// Exporting a draft to ODT and PDF through the DraftExport view model, on a real vault: the
// files are read back with readers independent of Qt's writers (libarchive + an XML parser and
// odfpy for the ODT, poppler's pdftotext and pdfinfo for the PDF), and the failure paths give
// typed problems without leaving partial files or personal text in the logs.
#include "app_context.h"
#include "calls/builtin_catalog.h"
#include "draft_editor.h"
#include "draft_export.h"
#include "fake/fake_document_export.h"
#include "test_services.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>
#include <archive.h>
#include <archive_entry.h>
#include <sys/mount.h>
#include <unistd.h>

using amicus::app::AppContext;
using amicus::platform::FakeDocumentExport;

namespace {

// Words the test types, so it can look for them in the documents and in the logs.
const QString organization = QStringLiteral("Ruban Rouge Dakar");
const QString firstAnswer =
    QStringLiteral("Les défenseurs des droits vivent à Thiès.\nIls demandent une réponse.");
const QString secondParagraph = QStringLiteral("Deuxième paragraphe, après une ligne vide.");
const QString secondAnswer = QStringLiteral("Réponse à la question suivante : façade, élève.");
const QString attachmentName = QStringLiteral("rapport-terrain-été.pdf");
constexpr int attachmentSize = 12345;

QStringList loggedMessages;

void recordMessage(QtMsgType /*type*/, const QMessageLogContext& /*context*/,
                   const QString& message)
{
    loggedMessages.append(message);
}

// Every entry of the zip at `path`, in order, with its bytes and whether it is compressed.
struct ZipEntry {
    QString name;
    QByteArray bytes;
    bool stored = false;
};

QList<ZipEntry> readZip(const QString& path)
{
    QList<ZipEntry> entries;
    archive* reader = archive_read_new();
    archive_read_support_format_zip(reader);
    if (archive_read_open_filename(reader, path.toLocal8Bit().constData(), 16384) != ARCHIVE_OK) {
        archive_read_free(reader);
        return entries;
    }
    archive_entry* entry = nullptr;
    while (archive_read_next_header(reader, &entry) == ARCHIVE_OK) {
        ZipEntry item;
        item.name = QString::fromUtf8(archive_entry_pathname(entry));
        char buffer[8192];
        la_ssize_t got = 0;
        while ((got = archive_read_data(reader, buffer, sizeof buffer)) > 0) {
            item.bytes.append(buffer, static_cast<qsizetype>(got));
        }
        entries.append(item);
    }
    archive_read_free(reader);
    return entries;
}

// Whether the first local file header of the zip at `path` says "stored" (method 0).
bool firstEntryStored(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    const QByteArray head = file.read(30);
    return head.size() == 30 && head.startsWith("PK\x03\x04") && head[8] == 0 && head[9] == 0;
}

// The text of an ODF content.xml as a reader sees it: paragraphs and headings on their own
// lines, line breaks as newlines.
QString odfText(const QByteArray& contentXml, int* listItems)
{
    const QString textNs = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:text:1.0");
    QXmlStreamReader xml(contentXml);
    QString text;
    int inParagraph = 0; // the pretty-printing between elements is not text
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.namespaceUri() == textNs &&
            (xml.name() == QLatin1String("p") || xml.name() == QLatin1String("h"))) {
            ++inParagraph;
        }
        if (xml.isStartElement() && xml.namespaceUri() == textNs) {
            if (xml.name() == QLatin1String("list-item")) {
                ++*listItems;
            } else if (xml.name() == QLatin1String("line-break")) {
                text += QLatin1Char('\n');
            } else if (xml.name() == QLatin1String("s")) {
                const int count = xml.attributes().value(textNs, QStringLiteral("c")).toInt();
                text += QString(std::max(count, 1), QLatin1Char(' '));
            } else if (xml.name() == QLatin1String("tab")) {
                text += QLatin1Char('\t');
            }
        } else if (xml.isEndElement() && xml.namespaceUri() == textNs &&
                   (xml.name() == QLatin1String("p") || xml.name() == QLatin1String("h"))) {
            text += QLatin1Char('\n');
            --inParagraph;
        } else if (xml.isCharacters() && inParagraph > 0) {
            text += xml.text();
        }
    }
    return xml.hasError() ? QString() : text;
}

// Runs `program` and returns what it printed; fails the test if it does not exit with 0.
QString run(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        qWarning("%s failed: %s", qPrintable(program), process.readAllStandardError().constData());
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

// Words separated by any run of white space become single spaces (PDF text wraps lines).
QString simplified(const QString& text)
{
    return text.simplified();
}

QStringList filesIn(const QString& directory)
{
    return QDir(directory).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class DraftExportTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(root_.isValid());
        const std::filesystem::path base = root_.path().toStdString();
        amicus::crypto::VaultOptions options;
        options.scryptWorkFactor = 10;
        AppContext& context = testContext();
        context.configure(base / "data", options);
        auto session = amicus::store::VaultSession::create(base / "data", "export words", options);
        QVERIFY(session.ok());
        context.adoptSession(std::move(session).value());
        const auto& call = amicus::calls::builtinCatalog().calls.front();
        QVERIFY(call.questions.size() >= 2);

        DraftEditor editor(testServices());
        draftId_ = editor.createDraft(QString::fromStdString(call.id), QStringLiteral("fr"));
        QVERIFY(draftId_ >= 0);
        editor.setOrganization(organization);
        editor.setCountry(QStringLiteral("Sénégal"));
        editor.setContact(QStringLiteral("contact@ruban.example"));
        editor.setConsent(DraftEditor::Consent::Public);
        editor.setAnswer(QString::fromStdString(call.questions[0].id),
                         firstAnswer + QStringLiteral("\n\n") + secondParagraph);
        editor.setAnswer(QString::fromStdString(call.questions[1].id), secondAnswer);
        QFile file(root_.filePath(attachmentName));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(attachmentSize, 'r'));
        file.close();
        QVERIFY(editor.addAttachment(QUrl::fromLocalFile(file.fileName())));
        QCOMPARE(editor.saveState(), DraftEditor::SaveState::Saved);
        questionText_ =
            QString::fromStdString(call.questions[1].textIn(amicus::calls::Language::Fr));

        exportDir_ = root_.filePath(QStringLiteral("Documents"));
        QVERIFY(QDir().mkpath(exportDir_));
        // The exporter reaches the OS only through the services' DocumentExport.
        auto fake = std::make_unique<FakeDocumentExport>(exportDir_, true);
        fake_ = fake.get();
        testServices().setDocumentExport(std::move(fake));
        previousHandler_ = qInstallMessageHandler(recordMessage);
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(previousHandler_);
        // No personal text in the logs, whatever the test did.
        for (const QString& marker : {organization, QStringLiteral("Thiès"), secondAnswer,
                                      attachmentName, QStringLiteral("contact@ruban")}) {
            for (const QString& message : std::as_const(loggedMessages)) {
                QVERIFY2(!message.contains(marker), qPrintable(message));
            }
        }
        testServices().setDocumentExport(nullptr);
        testContext().closeSession();
    }

    void nothingIsWrittenWithoutTheUsersConfirmation()
    {
        DraftExport exporter(testServices());
        exporter.setDraftId(draftId_);
        QCOMPARE(exporter.directory(), QDir::toNativeSeparators(exportDir_));
        const QStringList before = filesIn(exportDir_);
        QVERIFY(!exporter.exportDraft(DraftExport::Format::Odt, false));
        QVERIFY(!exporter.exportDraft(DraftExport::Format::Pdf, false));
        QVERIFY(!exporter.busy());
        QTest::qWait(200);
        QCOMPARE(filesIn(exportDir_), before);
        QVERIFY(exporter.exportedPath().isEmpty());
    }

    void odtHoldsTheAnswersInFrench()
    {
        DraftExport exporter(testServices());
        exporter.setDraftId(draftId_);
        QSignalSpy exported(&exporter, &DraftExport::exported);
        QVERIFY(exporter.exportDraft(DraftExport::Format::Odt, true));
        QVERIFY(exporter.busy());
        QVERIFY(exported.wait(30000));
        QCOMPARE(exporter.problem(), Problem::None);
        const QString path = exported.at(0).at(0).toString();
        QCOMPARE(exporter.exportedPath(), path);
        QVERIFY(path.endsWith(QStringLiteral(".odt")));
        QCOMPARE(QFileInfo(path).absolutePath(), QDir(exportDir_).absolutePath());
        // The name gives nothing personal away, and no temporary is left beside it.
        QVERIFY(!path.contains(QStringLiteral("Ruban")));
        for (const QString& name : filesIn(exportDir_)) {
            QVERIFY2(name.endsWith(QStringLiteral(".odt")) || name.endsWith(QStringLiteral(".pdf")),
                     qPrintable(name));
        }

        const QList<ZipEntry> entries = readZip(path);
        QVERIFY(!entries.isEmpty());
        QCOMPARE(entries.first().name, QStringLiteral("mimetype"));
        QCOMPARE(entries.first().bytes, QByteArray("application/vnd.oasis.opendocument.text"));
        QVERIFY(firstEntryStored(path));
        QByteArray content;
        for (const ZipEntry& entry : entries) {
            if (entry.name == QStringLiteral("content.xml")) {
                content = entry.bytes;
            }
        }
        int listItems = 0;
        const QString text = odfText(content, &listItems);
        QVERIFY(!text.isEmpty());
        // The line break inside the first paragraph is kept.
        QVERIFY2(text.contains(firstAnswer), qPrintable(text));
        QVERIFY(text.contains(secondParagraph));
        QVERIFY(text.contains(secondAnswer));
        QVERIFY(text.contains(questionText_));
        QVERIFY(text.contains(organization));
        // French labels from the shared layout, and the attachment listed with its size.
        QVERIFY(text.contains(QStringLiteral("Réponses")));
        QVERIFY(text.contains(QStringLiteral("Pièces jointes")));
        QVERIFY(text.contains(attachmentName));
        QVERIFY(text.contains(QString::number(attachmentSize)));
        // Qt 6.4's ODF writer makes headings bold paragraphs (no text:h); each is one of its own.
        QVERIFY(text.contains(QStringLiteral("\nRéponses\n")));
        QVERIFY(text.contains(QStringLiteral("\n") + questionText_ + QStringLiteral("\n")));
        // The details and the attachments are lists.
        QVERIFY(listItems >= 5);

        // odfpy, an independent ODF reader, sees the same text.
        const QString odfpy = run(QStringLiteral("/usr/bin/python3"),
                                  {QStringLiteral("-c"),
                                   QStringLiteral("import sys\n"
                                                  "from odf.opendocument import load\n"
                                                  "from odf import text, teletype\n"
                                                  "doc = load(sys.argv[1])\n"
                                                  "for e in doc.getElementsByType(text.H) + "
                                                  "doc.getElementsByType(text.P):\n"
                                                  "    print(teletype.extractText(e))\n"),
                                   path});
        QVERIFY(odfpy.contains(secondAnswer));
        QVERIFY(odfpy.contains(QStringLiteral("défenseurs des droits vivent à Thiès.")));
        QVERIFY(odfpy.contains(organization));

        // Desktop: nothing to share; a phone hands the file to the share sheet.
        QVERIFY(exporter.canShare());
        QVERIFY(exporter.share());
        QCOMPARE(fake_->shared().last(), QDir::fromNativeSeparators(path));
        QCOMPARE(fake_->sharedTypes().last(),
                 QStringLiteral("application/vnd.oasis.opendocument.text"));
    }

    void pdfHoldsTheAnswersOnA4WithMetadata()
    {
        DraftExport exporter(testServices());
        exporter.setDraftId(draftId_);
        QSignalSpy exported(&exporter, &DraftExport::exported);
        QVERIFY(exporter.exportDraft(DraftExport::Format::Pdf, true));
        QVERIFY(exported.wait(30000));
        QCOMPARE(exporter.problem(), Problem::None);
        const QString path = exported.at(0).at(0).toString();
        QVERIFY(path.endsWith(QStringLiteral(".pdf")));

        const QString text = simplified(
            run(QStringLiteral("pdftotext"),
                {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")}));
        QVERIFY2(text.contains(simplified(firstAnswer)), qPrintable(text));
        QVERIFY(text.contains(secondParagraph));
        QVERIFY(text.contains(secondAnswer));
        QVERIFY(text.contains(simplified(questionText_)));
        QVERIFY(text.contains(organization));
        QVERIFY(text.contains(QStringLiteral("Réponses")));
        QVERIFY(text.contains(attachmentName));

        const QString info = run(QStringLiteral("pdfinfo"), {path});
        QVERIFY2(info.contains(QStringLiteral("(A4)")), qPrintable(info));
        QVERIFY(info.contains(QRegularExpression(
            QStringLiteral("Title:\\s+Contribution à un appel à contributions"))));
        const QString xmp = run(QStringLiteral("pdfinfo"), {QStringLiteral("-meta"), path});
        QVERIFY2(
            xmp.contains(QStringLiteral("<rdf:li>") + organization + QStringLiteral("</rdf:li>")),
            qPrintable(xmp));
        QVERIFY(xmp.contains(QStringLiteral("<rdf:li>fr</rdf:li>")));
        // Every page's text sits inside the page with a margin: nothing at the very edge.
        const QString bbox =
            run(QStringLiteral("pdftotext"), {QStringLiteral("-bbox"), path, QStringLiteral("-")});
        const QRegularExpression word(QStringLiteral("xMin=\"([0-9.]+)\""));
        auto match = word.globalMatch(bbox);
        QVERIFY(match.hasNext());
        while (match.hasNext()) {
            QVERIFY(match.next().captured(1).toDouble() > 28.0); // more than 1 cm from the edge
        }
    }

    void anUnwritableFolderIsATypedProblem()
    {
        // A "folder" under a regular file cannot be created, even by root.
        const QString blocker = root_.filePath(QStringLiteral("not-a-folder"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        DraftExport exporter(testServices());
        exporter.setDraftId(draftId_);
        exporter.setDirectoryUrl(QUrl::fromLocalFile(blocker + QStringLiteral("/inside")));
        QSignalSpy problem(&exporter, &DraftExport::problemChanged);
        QVERIFY(exporter.exportDraft(DraftExport::Format::Pdf, true));
        QTRY_VERIFY_WITH_TIMEOUT(!exporter.busy(), 30000);
        QCOMPARE(exporter.problem(), Problem::FolderUnwritable);
        QVERIFY(exporter.exportedPath().isEmpty());

        // A read-only folder, where permissions apply (not to root).
        if (::geteuid() != 0) {
            const QString readOnly = root_.filePath(QStringLiteral("read-only"));
            QVERIFY(QDir().mkpath(readOnly));
            QVERIFY(
                QFile::setPermissions(readOnly, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
            exporter.setDirectoryUrl(QUrl::fromLocalFile(readOnly));
            QVERIFY(exporter.exportDraft(DraftExport::Format::Odt, true));
            QTRY_VERIFY_WITH_TIMEOUT(!exporter.busy(), 30000);
            QCOMPARE(exporter.problem(), Problem::FolderUnwritable);
            QVERIFY(filesIn(readOnly).isEmpty());
        }

        // No folder at all (a platform without one) is refused up front.
        exporter.setDirectoryUrl(QUrl());
        QVERIFY(!exporter.exportDraft(DraftExport::Format::Odt, true));
        QCOMPARE(exporter.problem(), Problem::FolderUnwritable);
    }

    void aFullDiskIsATypedProblemAndLeavesNothing()
    {
        const QString mountPoint = root_.filePath(QStringLiteral("small-disk"));
        QVERIFY(QDir().mkpath(mountPoint));
        const QByteArray target = mountPoint.toLocal8Bit();
        if (::mount("tmpfs", target.constData(), "tmpfs", 0, "size=64k") != 0) {
            QSKIP("mounting a small tmpfs needs root (CAP_SYS_ADMIN); skipping the full-disk case");
        }
        const auto unmount = qScopeGuard([&target] { ::umount(target.constData()); });
        // Fill the disk to the last block.
        QFile filler(mountPoint + QStringLiteral("/filler"));
        QVERIFY(filler.open(QIODevice::WriteOnly));
        while (filler.write(QByteArray(4096, 'f')) == 4096 && filler.flush()) {
        }
        filler.close();

        DraftExport exporter(testServices());
        exporter.setDraftId(draftId_);
        exporter.setDirectoryUrl(QUrl::fromLocalFile(mountPoint));
        QVERIFY(exporter.exportDraft(DraftExport::Format::Pdf, true));
        QTRY_VERIFY_WITH_TIMEOUT(!exporter.busy(), 30000);
        QCOMPARE(exporter.problem(), Problem::DiskFull);
        QCOMPARE(filesIn(mountPoint), QStringList{QStringLiteral("filler")});
    }

    void aFolderThePickerGrantedIsWrittenThroughThePlatform()
    {
        // Android's folder picker grants a content:// tree, not a path: the exporter hands it to
        // DocumentExport as it is (here the fake's provider) and tells the user where it went.
        const QUrl tree(QStringLiteral(
            "content://com.android.externalstorage.documents/tree/primary%3ADocuments%2FAmicus"));
        fake_->grantTree(tree, QStringLiteral("Amicus"));
        DraftExport exporter(testServices());
        exporter.setDraftId(draftId_);
        const QStringList before = filesIn(exportDir_);
        exporter.setDirectoryUrl(tree);
        QCOMPARE(exporter.directoryUrl(), tree);
        QCOMPARE(exporter.directoryName(), QStringLiteral("Amicus"));
        QSignalSpy exported(&exporter, &DraftExport::exported);
        QVERIFY(exporter.exportDraft(DraftExport::Format::Pdf, true));
        QVERIFY(exported.wait(30000));
        QCOMPARE(exporter.problem(), Problem::None);
        QStringList names = fake_->documentNames(tree);
        QCOMPARE(names.size(), 1);
        QVERIFY(names.first().endsWith(QStringLiteral(".pdf")));
        QCOMPARE(exporter.exportedPath(), QStringLiteral("Amicus/") + names.first());
        QVERIFY(fake_->document(tree, names.first()).startsWith("%PDF-"));
        QCOMPARE(fake_->documentType(tree, names.first()), QStringLiteral("application/pdf"));
        QCOMPARE(filesIn(exportDir_), before); // nothing went to a local folder

        // A second export gets a name of its own; sharing hands the provider's document URL.
        QVERIFY(exporter.exportDraft(DraftExport::Format::Odt, true));
        QVERIFY(exported.wait(30000));
        QCOMPARE(fake_->documentNames(tree).size(), 2);
        const QString second = exporter.exportedPath().mid(QStringLiteral("Amicus/").size());
        QVERIFY(second.endsWith(QStringLiteral(".odt")));
        QVERIFY(fake_->document(tree, second).startsWith("PK"));
        QVERIFY(exporter.share());
        QCOMPARE(fake_->shared().last(), FakeDocumentExport::documentUrl(tree, second).toString());

        // The grant ended (the provider went away): a typed problem, nothing written.
        fake_->revokeTree(tree);
        QVERIFY(exporter.exportDraft(DraftExport::Format::Odt, true));
        QTRY_VERIFY_WITH_TIMEOUT(!exporter.busy(), 30000);
        QCOMPARE(exporter.problem(), Problem::FolderUnwritable);
        QCOMPARE(fake_->documentNames(tree).size(), 2);
    }

    void aLockedVaultExportsNothing()
    {
        // Last: it locks the vault for good.
        testContext().closeSession();
        DraftExport exporter(testServices());
        exporter.setDraftId(draftId_);
        const QStringList before = filesIn(exportDir_);
        QVERIFY(!exporter.exportDraft(DraftExport::Format::Odt, true));
        QCOMPARE(exporter.problem(), Problem::VaultLocked);
        QCOMPARE(filesIn(exportDir_), before);
    }

private:
    QTemporaryDir root_;
    QString exportDir_;
    QString questionText_;
    int draftId_ = -1;
    FakeDocumentExport* fake_ = nullptr; // the services own it
    QtMessageHandler previousHandler_ = nullptr;
};

QTEST_MAIN(DraftExportTest)
#include "draft_export_test.moc"
