// The drafts list follows the vault by itself, on a real vault: each connection announces what
// it committed (store::ChangeListener) into the app's ChangeNotifier, and the list reads again
// only the drafts that changed, once per turn of the event loop, never the whole list for a
// keystroke (a whole read resets the model; a draft read again changes, moves, adds or removes
// its row only). Changes committed on another thread's connection reach it the same way.
#include "app_context.h"
#include "app_services.h"
#include "draft_editor.h"
#include "drafts_list_model.h"
#include "store/vault_session.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <thread>

using amicus::app::AppContext;
using amicus::app::AppServices;

namespace {

constexpr const char* kPassphrase = "drafts list test words";
constexpr const char* kCall = "test-call";

amicus::crypto::VaultOptions fastVault()
{
    amicus::crypto::VaultOptions options;
    options.scryptWorkFactor = 10;
    return options;
}

// Counts how the list changed: whole reads (resets) and rows read again.
struct ListWatch {
    explicit ListWatch(DraftsListModel& list)
        : resets(&list, &QAbstractItemModel::modelReset),
          changed(&list, &QAbstractItemModel::dataChanged),
          moved(&list, &QAbstractItemModel::rowsMoved),
          inserted(&list, &QAbstractItemModel::rowsInserted),
          removed(&list, &QAbstractItemModel::rowsRemoved)
    {
    }
    QSignalSpy resets;
    QSignalSpy changed;
    QSignalSpy moved;
    QSignalSpy inserted;
    QSignalSpy removed;
};

int idAt(const DraftsListModel& list, int row)
{
    return list.data(list.index(row), DraftsListModel::DraftIdRole).toInt();
}

QList<int> ids(const DraftsListModel& list)
{
    QList<int> all;
    for (int row = 0; row < list.rowCount(); ++row) {
        all.append(idAt(list, row));
    }
    return all;
}

} // namespace

class DraftsListTest : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        context_ = std::make_unique<AppContext>();
        context_->configure(dir_.path().toStdString() + "/" + std::to_string(++round_),
                            fastVault());
        auto session =
            amicus::store::VaultSession::create(context_->dataDir(), kPassphrase, fastVault());
        QVERIFY(session.ok());
        context_->adoptSession(std::move(session).value());
        services_ = std::make_unique<AppServices>(*context_);
        for (int i = 0; i < 3; ++i) {
            auto created = store().drafts().create(kCall);
            QVERIFY(created.ok());
            drafts_.append(static_cast<int>(*created));
        }
    }
    void cleanup()
    {
        services_.reset();
        context_.reset();
        drafts_.clear();
    }

    // Typing in the oldest draft: each keystroke reads that draft once, the row moves to the top
    // once, and the list is never read whole.
    void aKeystrokeReadsOnlyTheDraftTypedIn()
    {
        DraftsListModel list(*services_);
        QCOMPARE(list.count(), 3);
        const int oldest = drafts_.first();
        QCOMPARE(idAt(list, 2), oldest);
        ListWatch watch(list);

        DraftEditor editor(*services_);
        editor.setDraftId(oldest);
        QString text;
        constexpr int keystrokes = 40;
        for (int i = 0; i < keystrokes; ++i) {
            text += QLatin1Char(i % 5 == 4 ? ' ' : 'a');
            editor.setAnswer(QStringLiteral("q1"), text);
            QCoreApplication::processEvents(); // the turn of the event loop a keystroke ends
        }
        // Wait for the last keystroke's text (saved at once, or by a saver of its own).
        QTRY_COMPARE(list.data(list.index(0), DraftsListModel::AnswerCountRole).toInt(), 1);
        QTRY_COMPARE(editor.saveState(), DraftEditor::SaveState::Saved);
        QTRY_COMPARE(store().drafts().get(oldest)->answers[std::string("q1")], text.toStdString());
        QCoreApplication::processEvents();
        QCOMPARE(watch.resets.count(), 0);
        QVERIFY2(watch.changed.count() >= 1 && watch.changed.count() <= keystrokes,
                 qPrintable(QString::number(watch.changed.count())));
        for (const auto& change : watch.changed) {
            const auto first = change.at(0).value<QModelIndex>();
            const auto last = change.at(1).value<QModelIndex>();
            QCOMPARE(first.row(), last.row());
            QCOMPARE(idAt(list, first.row()), oldest);
        }
        QCOMPARE(watch.moved.count(), 1);
        QCOMPARE(watch.inserted.count(), 0);
        QCOMPARE(watch.removed.count(), 0);
        QCOMPARE(ids(list), (QList<int>{oldest, drafts_.at(2), drafts_.at(1)}));
    }

    // Several saves in one turn of the event loop read the draft once, at the turn's end.
    void savesInOneTurnAreReadOnce()
    {
        DraftsListModel list(*services_);
        ListWatch watch(list);
        const std::int64_t draft = drafts_.at(1);
        using amicus::store::DraftField;
        QVERIFY(store().drafts().saveField(draft, DraftField::Organization, "Ruban Rouge").ok());
        QVERIFY(store().drafts().saveField(draft, DraftField::Country, "SN").ok());
        QVERIFY(store().drafts().saveAnswer(draft, "q1", "Texte.").ok());
        QCOMPARE(watch.changed.count(), 0); // nothing read yet: the list waits for the turn's end
        QTRY_COMPARE(list.data(list.index(0), DraftsListModel::OrganizationRole).toString(),
                     QStringLiteral("Ruban Rouge"));
        QCoreApplication::processEvents();
        QCOMPARE(watch.changed.count(), 1);
        QCOMPARE(watch.moved.count(), 1);
        QCOMPARE(watch.resets.count(), 0);
        QCOMPARE(list.data(list.index(0), DraftsListModel::AnswerCountRole).toInt(), 1);
    }

    // A draft made and another deleted on a connection of another thread (as a finalize or an
    // autosave worker would): the list adds and removes those rows, and reads nothing else.
    void changesOnAnotherThreadReachTheList()
    {
        DraftsListModel list(*services_);
        ListWatch watch(list);
        auto* session = context_->session();
        std::int64_t made = -1;
        bool ok = false;
        std::thread worker([&] {
            auto connection = session->openConnection();
            if (!connection) {
                return;
            }
            auto created = connection->drafts().create(kCall);
            made = created ? *created : -1;
            ok = created.ok() && connection->drafts().remove(drafts_.at(1)).ok();
        });
        worker.join();
        QVERIFY(ok);
        QTRY_COMPARE(list.count(), 3);
        QTRY_COMPARE(ids(list), (QList<int>{static_cast<int>(made), drafts_.at(2), drafts_.at(0)}));
        QCOMPARE(watch.inserted.count(), 1);
        QCOMPARE(watch.removed.count(), 1);
        QCOMPARE(watch.resets.count(), 0);
    }

    // A deletion through the list itself: the store's announcement removes the row before
    // remove() returns (the delete confirmation closes on a list without it).
    void aDeletedDraftLeavesTheList()
    {
        DraftsListModel list(*services_);
        ListWatch watch(list);
        QSignalSpy count(&list, &DraftsListModel::countChanged);
        QVERIFY(list.remove(drafts_.at(0)));
        QCOMPARE(list.count(), 2);
        QCOMPARE(count.count(), 1);
        QCOMPARE(ids(list), (QList<int>{drafts_.at(2), drafts_.at(1)}));
        QCOMPARE(watch.removed.count(), 1);
        QCOMPARE(watch.resets.count(), 0);
        QVERIFY(!list.remove(drafts_.at(0))); // gone already
        QCOMPARE(list.count(), 2);
    }

    // The catalog's titles change no draft: the rows say so, nothing is read again.
    void aNewCatalogReadsNothing()
    {
        DraftsListModel list(*services_);
        ListWatch watch(list);
        emit context_->catalogChanged();
        QCoreApplication::processEvents();
        QCOMPARE(watch.changed.count(), 1);
        QCOMPARE(watch.resets.count(), 0);
    }

private:
    amicus::store::VaultStore& store() { return context_->session()->store(); }

    QTemporaryDir dir_;
    int round_ = 0;
    std::unique_ptr<AppContext> context_;
    std::unique_ptr<AppServices> services_;
    QList<int> drafts_;
};

QTEST_GUILESS_MAIN(DraftsListTest)
#include "drafts_list_test.moc"
