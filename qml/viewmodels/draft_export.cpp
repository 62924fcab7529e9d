#include "draft_export.h"

#include "app_context.h"
#include "package/readable_layout.h"
#include "package/submission_document.h"
#include "platform_services.h"
#include "submission/draft_package.h"
#include "text_conversion.h"

#include <QBuffer>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QStorageInfo>
#include <QTextBlockFormat>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentWriter>
#include <QTextList>
#include <QTextListFormat>
#include <QXmlStreamWriter>

using amicus::app::AppContext;
using amicus::app::toQString;
using amicus::package::BlockKind;
using amicus::package::ReadableLayout;

namespace {

amicus::platform::DocumentExport* injectedDocumentExport = nullptr;

const QString odtMediaType = QStringLiteral("application/vnd.oasis.opendocument.text");
const QString pdfMediaType = QStringLiteral("application/pdf");

// Below this much free space a failed write is taken for a full disk.
constexpr qint64 nearlyFullBytes = qint64{1024} * 1024;

// The lines of a block. A line break inside a paragraph becomes a block of its own with no
// space between them: Qt 6.4's ODF writer turns a QChar::LineSeparator into a tab followed by
// a line break, so separate blocks are what every reader shows right.
QStringList blockLines(const std::string& utf8)
{
    QString text = toQString(utf8);
    text.remove(QLatin1Char('\r'));
    return text.split(QLatin1Char('\n'));
}

// Sans-serif families with the accented Latin letters of French and Spanish, in the order a
// reader's machine is likely to have them; the PDF embeds whichever this device has.
QFont bodyFont()
{
    QFont font(QStringLiteral("Noto Sans"));
    font.setFamilies({QStringLiteral("Noto Sans"), QStringLiteral("DejaVu Sans"),
                      QStringLiteral("Liberation Sans"), QStringLiteral("Arial")});
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(11);
    return font;
}

void buildDocument(const ReadableLayout& layout, QTextDocument& document)
{
    const QFont base = bodyFont();
    document.setDefaultFont(base);
    document.setMetaInformation(QTextDocument::DocumentTitle, toQString(layout.title));
    QTextCursor cursor(&document);
    QTextList* list = nullptr;
    bool first = true;
    for (const amicus::package::LayoutBlock& block : layout.blocks) {
        QTextBlockFormat blockFormat;
        QTextCharFormat charFormat;
        charFormat.setFont(base);
        blockFormat.setBottomMargin(6);
        switch (block.kind) {
        case BlockKind::Title:
            blockFormat.setHeadingLevel(1);
            blockFormat.setBottomMargin(12);
            charFormat.setFontPointSize(18);
            charFormat.setFontWeight(QFont::Bold);
            break;
        case BlockKind::Heading:
            blockFormat.setHeadingLevel(2);
            blockFormat.setTopMargin(14);
            charFormat.setFontPointSize(14);
            charFormat.setFontWeight(QFont::Bold);
            break;
        case BlockKind::Subheading:
            blockFormat.setHeadingLevel(3);
            blockFormat.setTopMargin(10);
            blockFormat.setBottomMargin(4);
            charFormat.setFontPointSize(12);
            charFormat.setFontWeight(QFont::Bold);
            break;
        case BlockKind::Paragraph:
        case BlockKind::ListItem:
            break;
        case BlockKind::Note:
            charFormat.setFontItalic(true);
            break;
        }
        const QStringList lines = blockLines(block.text);
        for (qsizetype line = 0; line < lines.size(); ++line) {
            QTextBlockFormat lineFormat = blockFormat;
            if (line > 0) {
                lineFormat.setTopMargin(0);
            }
            if (line + 1 < lines.size()) {
                lineFormat.setBottomMargin(0);
            }
            if (first) {
                cursor.setBlockFormat(lineFormat);
                cursor.setBlockCharFormat(charFormat);
                first = false;
            } else {
                cursor.insertBlock(lineFormat, charFormat);
            }
            if (block.kind == BlockKind::ListItem) {
                if (list) {
                    list->add(cursor.block());
                } else {
                    QTextListFormat listFormat;
                    listFormat.setStyle(QTextListFormat::ListDisc);
                    listFormat.setIndent(1);
                    list = cursor.createList(listFormat);
                }
            } else {
                list = nullptr;
            }
            cursor.insertText(lines[line], charFormat);
        }
    }
}

// XMP for the PDF: Qt 6.4's writer has no author or language of its own, so they go here
// (with the title again, as PDF readers take it from either place).
QByteArray xmpMetadata(const ReadableLayout& layout, const QString& author)
{
    QByteArray xmp;
    QXmlStreamWriter xml(&xmp);
    xml.writeProcessingInstruction(QStringLiteral("xpacket"),
                                   QStringLiteral("begin=\"\xEF\xBB\xBF\" "
                                                  "id=\"W5M0MpCehiHzreSzNTczkc9d\""));
    const QString rdf = QStringLiteral("http://www.w3.org/1999/02/22-rdf-syntax-ns#");
    const QString dc = QStringLiteral("http://purl.org/dc/elements/1.1/");
    xml.writeNamespace(rdf, QStringLiteral("rdf"));
    xml.writeNamespace(dc, QStringLiteral("dc"));
    xml.writeNamespace(QStringLiteral("http://ns.adobe.com/xap/1.0/"), QStringLiteral("xmp"));
    xml.writeStartElement(QStringLiteral("adobe:ns:meta/"), QStringLiteral("xmpmeta"));
    xml.writeStartElement(rdf, QStringLiteral("RDF"));
    xml.writeStartElement(rdf, QStringLiteral("Description"));
    xml.writeAttribute(rdf, QStringLiteral("about"), QString());
    const auto item = [&](const QString& property, const QString& container, const QString& value,
                          bool defaultLanguage) {
        xml.writeStartElement(dc, property);
        xml.writeStartElement(rdf, container);
        xml.writeStartElement(rdf, QStringLiteral("li"));
        if (defaultLanguage) {
            xml.writeAttribute(QStringLiteral("xml:lang"), QStringLiteral("x-default"));
        }
        xml.writeCharacters(value);
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    };
    item(QStringLiteral("title"), QStringLiteral("Alt"), toQString(layout.title), true);
    if (!author.isEmpty()) {
        item(QStringLiteral("creator"), QStringLiteral("Seq"), author, false);
    }
    item(QStringLiteral("language"), QStringLiteral("Bag"), toQString(layout.language), false);
    xml.writeTextElement(QStringLiteral("http://ns.adobe.com/xap/1.0/"),
                         QStringLiteral("CreatorTool"), QStringLiteral("Amicus"));
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeProcessingInstruction(QStringLiteral("xpacket"), QStringLiteral("end=\"w\""));
    return xmp;
}

// A name no file in `directory` has yet: "amicus-<call>-<date and time>[-N].<extension>".
// Only public words (the call's id and the time) so the name gives nothing away.
QString freshFileName(const QString& directory, const std::string& callId, const QString& extension)
{
    const std::string call = amicus::package::sanitizeFileName(callId);
    const QString stem =
        QStringLiteral("amicus-%1-%2")
            .arg(toQString(call),
                 QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd-HHmm")));
    const QDir folder(directory);
    QString name = stem + extension;
    for (int n = 2; folder.exists(name); ++n) {
        name = QStringLiteral("%1-%2%3").arg(stem).arg(n).arg(extension);
    }
    return name;
}

// The problem a failed write in `directory` means: a full disk, or a folder we cannot use.
Problem::Code writeProblem(const QSaveFile& file, const QString& directory)
{
    if (file.error() == QFileDevice::ResourceError) {
        return Problem::DiskFull;
    }
    const QStorageInfo storage(directory);
    if (storage.isValid() && storage.bytesAvailable() >= 0 &&
        storage.bytesAvailable() < nearlyFullBytes) {
        return Problem::DiskFull;
    }
    return Problem::FolderUnwritable;
}

// Writes `bytes` to `path` in `directory` (made if missing) through QSaveFile: it writes
// beside the target and renames when complete and synced, so the folder never holds half a
// document, and a failure leaves nothing behind.
Problem::Code writeAtomically(const QString& directory, const QString& path,
                              const QByteArray& bytes)
{
    if (!QDir().mkpath(directory)) {
        return Problem::FolderUnwritable;
    }
    QSaveFile file(path);
    const bool written =
        file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
    return written ? Problem::None : writeProblem(file, directory);
}

} // namespace

DraftExport::DraftExport(QObject* parent) : QObject(parent)
{
    worker_.setMaxThreadCount(1);
    if (injectedDocumentExport) {
        documentExport_ = injectedDocumentExport;
    } else {
        ownDocumentExport_ = amicus::platform::createDocumentExport();
        documentExport_ = ownDocumentExport_.get();
    }
    directory_ = QDir::toNativeSeparators(documentExport_->exportDirectory());
}

DraftExport::~DraftExport()
{
    worker_.waitForDone();
}

void DraftExport::setDocumentExport(amicus::platform::DocumentExport* documentExport)
{
    injectedDocumentExport = documentExport;
}

void DraftExport::setDraftId(int draftId)
{
    if (draftId != draftId_) {
        draftId_ = draftId;
        emit draftIdChanged();
    }
}

QUrl DraftExport::directoryUrl() const
{
    return directory_.isEmpty() ? QUrl()
                                : QUrl::fromLocalFile(QDir::fromNativeSeparators(directory_));
}

void DraftExport::setDirectoryUrl(const QUrl& url)
{
    const QString folder =
        url.isLocalFile() ? QDir::toNativeSeparators(url.toLocalFile()) : QString();
    if (folder != directory_) {
        directory_ = folder;
        emit directoryChanged();
    }
}

bool DraftExport::canShare() const
{
    return documentExport_->canShare();
}

bool DraftExport::exportDraft(DraftExport::Format format, bool unencryptedConfirmed)
{
    if (!unencryptedConfirmed || busy_) {
        return false;
    }
    auto* session = AppContext::instance().session();
    const amicus::crypto::X25519Identity* identity = session ? session->identity() : nullptr;
    if (!session || !identity) {
        setProblem(Problem::VaultLocked);
        return false;
    }
    const auto draft = session->store().draft(draftId_);
    if (!draft) {
        setProblem(Problem::fromStoreError(draft.error().code));
        return false;
    }
    if (directory_.isEmpty()) {
        setProblem(Problem::FolderUnwritable);
        return false;
    }
    // A call no longer in the catalog still has a readable draft: its answers keep their
    // question ids as headings.
    amicus::calls::Call withdrawn;
    withdrawn.id = draft->callId;
    const auto catalog = AppContext::instance().catalog();
    const auto call = catalog->call(draft->callId);
    const amicus::package::SubmissionPackage submission = amicus::submission::packageFromDraft(
        *draft, call ? **call : withdrawn, session->store(), *identity);
    std::vector<std::string> names;
    names.reserve(submission.attachments.size());
    for (const auto& attachment : submission.attachments) {
        names.push_back(attachment.fileName);
    }
    // Their own draft, for them to send: the submitter block stays, whatever the consent.
    auto layout = std::make_shared<ReadableLayout>(amicus::package::layoutSubmission(
        submission, amicus::package::uniqueFileNames(names), true));
    // The PDF's author is the organization, except on an anonymous submission: a forwarded
    // file should not name its author where the reader does not look.
    const QString author = submission.consent == amicus::package::PublicationConsent::Anonymous
                               ? QString()
                               : toQString(submission.submitter.organization);

    const QString extension =
        format == Format::Odt ? QStringLiteral(".odt") : QStringLiteral(".pdf");
    const QString directory = QDir::fromNativeSeparators(directory_);
    const QString path =
        QDir(directory).filePath(freshFileName(directory, draft->callId, extension));
    setProblem(Problem::None);
    setBusy(true);
    worker_.start([this, layout, format, author, directory, path] {
        const QByteArray bytes = renderDocument(*layout, format, author);
        const Problem::Code problem =
            bytes.isEmpty() ? Problem::Unexpected : writeAtomically(directory, path, bytes);
        QMetaObject::invokeMethod(this, [this, problem, path, format] {
            setBusy(false);
            setProblem(problem);
            if (problem == Problem::None) {
                exportedPath_ = QDir::toNativeSeparators(path);
                exportedMediaType_ = format == Format::Odt ? odtMediaType : pdfMediaType;
                emit exportedPathChanged();
                emit exported(exportedPath_);
            }
        });
    });
    return true;
}

bool DraftExport::share()
{
    if (exportedPath_.isEmpty()) {
        return false;
    }
    return documentExport_->share(QDir::fromNativeSeparators(exportedPath_), exportedMediaType_);
}

QByteArray DraftExport::renderDocument(const ReadableLayout& layout, Format format,
                                       const QString& author)
{
    QTextDocument document;
    buildDocument(layout, document);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (format == Format::Odt) {
        QTextDocumentWriter writer(&buffer, QByteArrayLiteral("odf"));
        if (!writer.write(&document)) {
            return {};
        }
        return buffer.data();
    }
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        // QTextDocument::print adds 2 cm around the text and numbers the pages; no more margin.
        writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
        writer.setTitle(toQString(layout.title));
        writer.setCreator(QStringLiteral("Amicus"));
        writer.setDocumentXmpMetadata(xmpMetadata(layout, author));
        document.print(&writer);
    } // the writer finishes the file when it goes
    return buffer.data();
}

void DraftExport::setBusy(bool busy)
{
    if (busy != busy_) {
        busy_ = busy;
        emit busyChanged();
    }
}

void DraftExport::setProblem(Problem::Code problem)
{
    if (problem != problem_) {
        problem_ = problem;
        emit problemChanged();
    }
}
