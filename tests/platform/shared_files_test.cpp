// SharedFiles: the desktop's opens real local files by their file:// URL, with the type read
// from the content, and refuses what a phone would hand over (content://) or what is no file;
// the fake serves content:// URLs as Android's provider would.
#include "desktop/local_shared_files.h"
#include "fake/fake_shared_files.h"

#include <QTemporaryDir>
#include <QtTest>
#include <sys/stat.h>

using amicus::platform::FakeSharedFiles;
using amicus::platform::LocalSharedFiles;
using amicus::platform::SharedFileError;

class SharedFilesTest : public QObject {
    Q_OBJECT

private slots:
    void desktopOpensALocalFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // A PNG under a misleading name: the type comes from the bytes.
        const QByteArray png =
            QByteArray::fromHex("89504e470d0a1a0a0000000d49484452") + QByteArray(64, '\0');
        const QString path = dir.filePath(QStringLiteral("photo from field.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(png);
        file.close();

        LocalSharedFiles files;
        const QUrl url = QUrl::fromLocalFile(path);
        QVERIFY(files.canOpen(url));
        auto opened = files.open(url);
        QVERIFY(opened.ok());
        QCOMPARE(opened->displayName, QStringLiteral("photo from field.txt"));
        QCOMPARE(opened->mediaType, QStringLiteral("image/png"));
        QCOMPARE(opened->size, png.size());
        QCOMPARE(opened->device->readAll(), png);
    }

    void desktopRefusesWhatIsNoLocalFile()
    {
        LocalSharedFiles files;
        const QUrl content(QStringLiteral("content://com.android.providers.media/document/1"));
        QVERIFY(!files.canOpen(content));
        QCOMPARE(files.open(content).error().code, SharedFileError::Unsupported);
        QCOMPARE(files.open(QUrl(QStringLiteral("https://example.org/a.pdf"))).error().code,
                 SharedFileError::Unsupported);
        QCOMPARE(files.open(QUrl()).error().code, SharedFileError::Unsupported);

        QTemporaryDir dir;
        QCOMPARE(
            files.open(QUrl::fromLocalFile(dir.filePath(QStringLiteral("gone.pdf")))).error().code,
            SharedFileError::NotFound);
        QCOMPARE(files.open(QUrl::fromLocalFile(dir.path())).error().code,
                 SharedFileError::NotAFile);
        const QString fifo = dir.filePath(QStringLiteral("pipe"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QCOMPARE(files.open(QUrl::fromLocalFile(fifo)).error().code, SharedFileError::NotAFile);
    }

    void fakeServesContentUrls()
    {
        FakeSharedFiles files;
        const QUrl url(QStringLiteral("content://com.example.files/document/42"));
        QCOMPARE(files.open(url).error().code, SharedFileError::NotFound);
        files.add(url, QByteArray("%PDF-1.7 report"), QStringLiteral("Report.pdf"),
                  QStringLiteral("application/pdf"));
        auto opened = files.open(url);
        QVERIFY(opened.ok());
        QCOMPARE(opened->displayName, QStringLiteral("Report.pdf"));
        QCOMPARE(opened->mediaType, QStringLiteral("application/pdf"));
        QCOMPARE(opened->size, 15);
        QCOMPARE(opened->device->readAll(), QByteArray("%PDF-1.7 report"));
        files.revoke(url);
        QCOMPARE(files.open(url).error().code, SharedFileError::NotReadable);
        QCOMPARE(files.open(QUrl(QStringLiteral("https://example.org/x"))).error().code,
                 SharedFileError::Unsupported);
        QCOMPARE(files.openCount(), 1);
    }
};

QTEST_GUILESS_MAIN(SharedFilesTest)
#include "shared_files_test.moc"
