// The smaller copy of a photo, on real images and a real vault: a 4000x3000 camera JPEG with
// an EXIF orientation and a GPS location becomes a 1200x1600 portrait JPEG without either; the
// editor's choice is saved encrypted at once, read back after the vault is opened again, and
// undone by choosing the original; a photo over the call's limit is sent as its copy.
#include "app_context.h"
#include "calls/builtin_catalog.h"
#include "draft_editor.h"
#include "photo_reducer.h"
#include "test_services.h"

#include <QBuffer>
#include <QColor>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using amicus::app::AppContext;
using amicus::app::PhotoReducer;

namespace {

const QByteArray kGpsMarker = "AMICUS-GPS-MARK";

void putU16(QByteArray& out, quint16 value)
{
    out.append(static_cast<char>(value & 0xff));
    out.append(static_cast<char>(value >> 8));
}

void putU32(QByteArray& out, quint32 value)
{
    for (int shift = 0; shift < 32; shift += 8) {
        out.append(static_cast<char>((value >> shift) & 0xff));
    }
}

void putEntry(QByteArray& out, quint16 tag, quint16 type, quint32 count, quint32 value)
{
    putU16(out, tag);
    putU16(out, type);
    putU32(out, count);
    putU32(out, value);
}

// An EXIF APP1 segment as a camera writes one: IFD0 with the orientation and a pointer to a
// GPS IFD holding a latitude and a map datum text (our marker, easy to look for).
QByteArray exifSegment(quint16 orientation)
{
    QByteArray tiff("II*\0", 4);
    putU32(tiff, 8);
    // IFD0 at 8: two entries (2 + 2*12 + 4 bytes), GPS IFD right after, at 38.
    putU16(tiff, 2);
    putEntry(tiff, 0x0112, 3, 1, orientation); // Orientation, SHORT
    putEntry(tiff, 0x8825, 4, 1, 38);          // GPS IFD pointer
    putU32(tiff, 0);
    // GPS IFD at 38: three entries (2 + 36 + 4 = 42 bytes), data from 80.
    const quint32 latitudeAt = 80;
    const quint32 datumAt = latitudeAt + 24;
    putU16(tiff, 3);
    putEntry(tiff, 0x0001, 2, 2, 'N');        // GPSLatitudeRef
    putEntry(tiff, 0x0002, 5, 3, latitudeAt); // GPSLatitude
    putEntry(tiff, 0x0012, 2, static_cast<quint32>(kGpsMarker.size() + 1), datumAt); // GPSMapDatum
    putU32(tiff, 0);
    for (const quint32 part : {14u, 41u, 2520u}) { // 14° 41' 25.20"
        putU32(tiff, part);
        putU32(tiff, part == 2520u ? 100u : 1u);
    }
    tiff.append(kGpsMarker);
    tiff.append('\0');
    QByteArray segment("\xff\xe1", 2);
    const int length = 2 + 6 + static_cast<int>(tiff.size());
    segment.append(static_cast<char>(length >> 8));
    segment.append(static_cast<char>(length & 0xff));
    segment.append("Exif\0\0", 6);
    segment.append(tiff);
    return segment;
}

// A 4000x3000 camera-like JPEG: red left half, blue right half, with sensor-like noise so it
// weighs what a photo weighs; stored landscape with EXIF orientation 6 (turn 90° clockwise to
// show), so it shows as a 3000x4000 portrait with red at the top.
QByteArray cameraJpeg(int width = 4000, int height = 3000, int quality = 92)
{
    QImage image(width, height, QImage::Format_RGB32);
    QRandomGenerator noise(7);
    for (int y = 0; y < height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const int n = static_cast<int>(noise.bounded(48)) - 24;
            const bool left = x < width / 2;
            line[x] = qRgb(std::clamp((left ? 200 : 30) + n, 0, 255), std::clamp(40 + n, 0, 255),
                           std::clamp((left ? 30 : 200) + n, 0, 255));
        }
    }
    QByteArray jpeg;
    QBuffer buffer(&jpeg);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(quality);
    if (!writer.write(image)) {
        return {};
    }
    // Right after the start-of-image marker, where cameras put it.
    jpeg.insert(2, exifSegment(6));
    return jpeg;
}

QImage decode(const QByteArray& bytes, bool autoTransform = true)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(autoTransform);
    return reader.read();
}

bool reddish(QRgb pixel)
{
    return qRed(pixel) > 150 && qBlue(pixel) < 90;
}

bool bluish(QRgb pixel)
{
    return qBlue(pixel) > 150 && qRed(pixel) < 90;
}

QVariantMap onlyAttachment(const DraftEditor& editor)
{
    return editor.attachments().size() == 1 ? editor.attachments().front().toMap() : QVariantMap();
}

} // namespace

class PhotoReducerTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        photo_ = cameraJpeg();
        QVERIFY(!photo_.isEmpty());
    }

    // The test image is what it claims: Qt reads its EXIF orientation, and the marker is there.
    void theCameraImageCarriesOrientationAndLocation()
    {
        QCOMPARE(decode(photo_, false).size(), QSize(4000, 3000));
        QCOMPARE(decode(photo_).size(), QSize(3000, 4000));
        QVERIFY(photo_.contains(kGpsMarker));
        QVERIFY(photo_.contains(QByteArray("Exif\0\0", 6)));
        QVERIFY(photo_.size() > 2'000'000);
    }

    void theSmallerCopyIsUprightAt1600PixelsWithoutExif()
    {
        auto reduced = PhotoReducer::reduce(photo_);
        QVERIFY(reduced.ok());
        QVERIFY2(reduced->size() * 4 < photo_.size(),
                 qPrintable(QStringLiteral("%1 -> %2").arg(photo_.size()).arg(reduced->size())));
        qInfo("camera JPEG %lld bytes -> smaller copy %lld bytes",
              static_cast<long long>(photo_.size()), static_cast<long long>(reduced->size()));
        QVERIFY(reduced->startsWith("\xff\xd8"));
        const QImage image = decode(*reduced, false);
        // Upright already, so no reader has to know an orientation tag: 1200 wide, 1600 high.
        QCOMPARE(image.size(), QSize(1200, 1600));
        QVERIFY(reddish(image.pixel(600, 200)));
        QVERIFY(bluish(image.pixel(600, 1400)));
        QVERIFY(!reduced->contains(kGpsMarker));
        QVERIFY(!reduced->contains(QByteArray("Exif\0\0", 6)));
        QVERIFY(!reduced->contains(QByteArray("\xff\xe1", 2)));
    }

    void aSmallPngIsNotEnlargedAndLosesItsTransparency()
    {
        QImage image(800, 500, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        image.setText(QStringLiteral("Comment"), QStringLiteral("AMICUS-PNG-TEXT"));
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(image.save(&buffer, "PNG"));
        QVERIFY(png.contains("AMICUS-PNG-TEXT"));
        auto reduced = PhotoReducer::reduce(png);
        QVERIFY(reduced.ok());
        const QImage copy = decode(*reduced);
        QCOMPARE(copy.size(), QSize(800, 500));
        QCOMPARE(QColor(copy.pixel(10, 10)).lightness() > 240, true); // white, not black
        QVERIFY(!reduced->contains("AMICUS-PNG-TEXT"));
    }

    void whatIsNotAnImageIsRefused()
    {
        auto garbage = PhotoReducer::reduce(QByteArray("%PDF-1.7 not an image", 21));
        QVERIFY(!garbage.ok());
        QCOMPARE(garbage.error(), PhotoReducer::Errc::Unreadable);
        auto truncated = PhotoReducer::reduce(photo_.left(300));
        QVERIFY(!truncated.ok());
    }

    void onlyStillPhotosQtCanReadAreOffered()
    {
        QVERIFY(PhotoReducer::canReduce(QStringLiteral("image/jpeg")));
        QVERIFY(PhotoReducer::canReduce(QStringLiteral("image/png")));
        QVERIFY(!PhotoReducer::canReduce(QStringLiteral("image/gif")));
        QVERIFY(!PhotoReducer::canReduce(QStringLiteral("application/pdf")));
        QVERIFY(!PhotoReducer::canReduce(QStringLiteral("text/plain")));
        QCOMPARE(PhotoReducer::canReduce(QStringLiteral("image/heic")),
                 QImageReader::supportedMimeTypes().contains("image/heic"));
    }

    // The editor's switch on a real vault: saved at once, encrypted, read back after the vault
    // is closed and opened again, and undone by choosing the original.
    void theChoiceIsSavedAndSurvivesReopeningTheVault()
    {
        QTemporaryDir root;
        const std::filesystem::path data = root.filePath(QStringLiteral("data")).toStdString();
        openVault(data, true);
        const QString photoPath = root.filePath(QStringLiteral("IMG_0042.JPG"));
        writeFile(photoPath, photo_);
        const QString pdfPath = root.filePath(QStringLiteral("report.pdf"));
        writeFile(pdfPath, QByteArray("%PDF-1.4\n% not much of a report\n"));

        DraftEditor editor(testServices());
        const int draftId = editor.createDraft(callId(), QStringLiteral("en"));
        QVERIFY(draftId >= 0);
        QVERIFY(editor.addAttachment(QUrl::fromLocalFile(pdfPath)));
        QVERIFY(editor.addAttachment(QUrl::fromLocalFile(photoPath)));
        QCOMPARE(editor.attachments().size(), 2);
        const QVariantMap pdf = editor.attachments().at(0).toMap();
        QCOMPARE(pdf.value(QStringLiteral("canSendSmaller")).toBool(), false);
        QVariantMap photo = editor.attachments().at(1).toMap();
        QCOMPARE(photo.value(QStringLiteral("canSendSmaller")).toBool(), true);
        QCOMPARE(photo.value(QStringLiteral("sendsSmaller")).toBool(), false);
        QCOMPARE(photo.value(QStringLiteral("sentSize")).toDouble(),
                 static_cast<double>(photo_.size()));
        const int photoId = photo.value(QStringLiteral("id")).toInt();

        // Nothing is written to a temporary file on the way (the photo is decoded in memory):
        // the temporary directory stays empty while the copy is made and saved.
        QTemporaryDir scratch;
        const bool hadTmp = qEnvironmentVariableIsSet("TMPDIR");
        const QByteArray previousTmp = qgetenv("TMPDIR");
        qputenv("TMPDIR", scratch.path().toUtf8());
        editor.setSendSmallerCopy(photoId, true);
        QCOMPARE(editor.attachments().at(1).toMap().value(QStringLiteral("reducing")).toBool(),
                 true);
        QTRY_VERIFY_WITH_TIMEOUT(
            editor.attachments().at(1).toMap().value(QStringLiteral("sendsSmaller")).toBool(),
            20000);
        QCOMPARE(editor.saveState(), DraftEditor::SaveState::Saved);
        if (hadTmp) {
            qputenv("TMPDIR", previousTmp);
        } else {
            qunsetenv("TMPDIR");
        }
        QCOMPARE(
            QDir(scratch.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
            QStringList());
        photo = editor.attachments().at(1).toMap();
        QCOMPARE(photo.value(QStringLiteral("reducing")).toBool(), false);
        const double smallerSize = photo.value(QStringLiteral("smallerSize")).toDouble();
        QVERIFY(smallerSize > 0 && smallerSize * 4 < photo_.size());
        QCOMPARE(photo.value(QStringLiteral("sentSize")).toDouble(), smallerSize);
        QCOMPARE(photo.value(QStringLiteral("size")).toDouble(),
                 static_cast<double>(photo_.size()));

        // What the vault holds is the copy the editor showed: upright, 1600 px, no location.
        const QByteArray stored = storedSmallerCopy(photoId);
        QCOMPARE(static_cast<double>(stored.size()), smallerSize);
        const QImage image = decode(stored, false);
        QCOMPARE(image.size(), QSize(1200, 1600));
        QVERIFY(reddish(image.pixel(600, 100)));
        QVERIFY(!stored.contains(kGpsMarker));
        // ... and no blob holds the photo, or its location, in the clear.
        QVERIFY(!anyFileContains(data, kGpsMarker));

        // Closed and opened again, as after the app was stopped: the choice is still there.
        testContext().closeSession();
        QCOMPARE(editor.attachments().size(), 0);
        openVault(data, false);
        DraftEditor reopened(testServices());
        reopened.setDraftId(draftId);
        QCOMPARE(onlyPhoto(reopened).value(QStringLiteral("sendsSmaller")).toBool(), true);
        QCOMPARE(onlyPhoto(reopened).value(QStringLiteral("smallerSize")).toDouble(), smallerSize);

        // Back to the original: the copy's blob goes, and that too survives reopening.
        const std::size_t blobsBefore = blobCount(data);
        reopened.setSendSmallerCopy(photoId, false);
        QCOMPARE(onlyPhoto(reopened).value(QStringLiteral("sendsSmaller")).toBool(), false);
        QCOMPARE(onlyPhoto(reopened).value(QStringLiteral("sentSize")).toDouble(),
                 static_cast<double>(photo_.size()));
        QCOMPARE(blobCount(data), blobsBefore - 1);
        testContext().closeSession();
        openVault(data, false);
        DraftEditor third(testServices());
        third.setDraftId(draftId);
        QCOMPARE(onlyPhoto(third).value(QStringLiteral("sendsSmaller")).toBool(), false);
        auto attachment = testContext().session()->store().attachments().get(photoId);
        QVERIFY(attachment.ok());
        QVERIFY(!attachment->reduced.has_value());
        testContext().closeSession();
    }

    // A photo over the call's limit is taken in and sent as its smaller copy, which cannot be
    // switched off; any other file over the limit is refused as before.
    void aPhotoOverTheLimitIsSentAsItsSmallerCopy()
    {
        QTemporaryDir root;
        const std::filesystem::path data = root.filePath(QStringLiteral("data")).toStdString();
        openVault(data, true);
        auto catalog = std::make_shared<amicus::calls::Catalog>(amicus::calls::builtinCatalog());
        catalog->calls.front().limits.bytesPerAttachment = 1'000'000;
        testContext().setCatalog(catalog);
        const QString photoPath = root.filePath(QStringLiteral("big.jpg"));
        writeFile(photoPath, photo_);
        const QString binPath = root.filePath(QStringLiteral("big.bin"));
        writeFile(binPath, QByteArray(1'000'001, 'b'));

        DraftEditor editor(testServices());
        QVERIFY(editor.createDraft(callId(), QStringLiteral("en")) >= 0);
        QVERIFY(!editor.addAttachment(QUrl::fromLocalFile(binPath)));
        QCOMPARE(editor.problem(), Problem::FileTooLarge);
        QVERIFY(editor.addAttachment(QUrl::fromLocalFile(photoPath)));
        QCOMPARE(onlyAttachment(editor).value(QStringLiteral("originalTooLarge")).toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(
            onlyAttachment(editor).value(QStringLiteral("sendsSmaller")).toBool(), 20000);
        QVERIFY(onlyAttachment(editor).value(QStringLiteral("sentSize")).toDouble() <= 1'000'000);
        QCOMPARE(editor.saveState(), DraftEditor::SaveState::Saved);

        const int id = onlyAttachment(editor).value(QStringLiteral("id")).toInt();
        editor.setSendSmallerCopy(id, false);
        QCOMPARE(editor.problem(), Problem::FileTooLarge);
        QCOMPARE(onlyAttachment(editor).value(QStringLiteral("sendsSmaller")).toBool(), true);

        testContext().setCatalog(
            std::make_shared<amicus::calls::Catalog>(amicus::calls::builtinCatalog()));
        testContext().closeSession();
    }

private:
    QString callId() const
    {
        return QString::fromStdString(testContext().catalog()->calls.front().id);
    }

    static void writeFile(const QString& path, const QByteArray& bytes)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), bytes.size());
    }

    static void openVault(const std::filesystem::path& data, bool create)
    {
        amicus::crypto::VaultOptions options;
        options.scryptWorkFactor = 10;
        testContext().configure(data, options);
        auto session = create
                           ? amicus::store::VaultSession::create(data, "photo test words", options)
                           : amicus::store::VaultSession::open(data, "photo test words", options);
        QVERIFY(session.ok());
        testContext().adoptSession(std::move(session).value());
    }

    static QVariantMap onlyPhoto(const DraftEditor& editor)
    {
        for (const QVariant& entry : editor.attachments()) {
            const QVariantMap map = entry.toMap();
            if (map.value(QStringLiteral("canSendSmaller")).toBool()) {
                return map;
            }
        }
        return {};
    }

    static QByteArray storedSmallerCopy(int attachmentId)
    {
        auto* session = testContext().session();
        auto attachment = session->store().attachments().get(attachmentId);
        if (!attachment || !attachment->reduced) {
            return {};
        }
        amicus::crypto::VectorSink sink;
        if (!session->store().attachments().decryptReducedCopy(*attachment, *session->identity(),
                                                               sink)) {
            return {};
        }
        return QByteArray(reinterpret_cast<const char*>(sink.bytes().data()),
                          static_cast<qsizetype>(sink.bytes().size()));
    }

    static std::size_t blobCount(const std::filesystem::path& data)
    {
        std::size_t count = 0;
        for (const auto& entry : std::filesystem::directory_iterator(
                 amicus::store::DataLayout::storePaths(data).blobDir)) {
            count += entry.is_regular_file() ? 1 : 0;
        }
        return count;
    }

    static bool anyFileContains(const std::filesystem::path& root, const QByteArray& needle)
    {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
            QFile file(QString::fromStdString(entry.path().string()));
            if (entry.is_regular_file() && file.open(QIODevice::ReadOnly) &&
                file.readAll().contains(needle)) {
                return true;
            }
        }
        return false;
    }

    QByteArray photo_;
};

QTEST_GUILESS_MAIN(PhotoReducerTest)
#include "photo_reducer_test.moc"
