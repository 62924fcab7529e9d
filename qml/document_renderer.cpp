#include "document_renderer.h"

#include "package/readable_layout.h"
#include "text_conversion.h"

#include <QBuffer>
#include <QDateTime>
#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextBlockFormat>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextDocumentWriter>
#include <QTextList>
#include <QTextListFormat>
#include <QXmlStreamWriter>

namespace amicus::app {

using package::BlockKind;
using package::ReadableLayout;

namespace {

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

} // namespace

QByteArray renderDocument(const ReadableLayout& layout, DocumentFormat format,
                          const QString& author)
{
    QTextDocument document;
    buildDocument(layout, document);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (format == DocumentFormat::Odt) {
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

} // namespace amicus::app
