// typing_bench [--keystrokes N] [--rounds R] [--every-ms MS] [--sync-ms MS]
//
// Typing into an answer while every sync of the SQLite file takes --sync-ms (default 30 ms, a
// phone's slow flash; tests/common/slow_sync_vfs.h). A Material window with one TextArea in the
// software renderer; each keystroke is a real key event sent to the window, its text passed on
// as the editor screen does (onTextChanged). Three sides, the same window and keystrokes:
//   autosave      DraftEditor::setAnswer (the app: saved off the UI thread, DraftAutosave)
//   ui_thread     the same save run on the UI thread, as setAnswer did before (Drafts::saveAnswer)
//   saving_off    nothing saved
// A keystroke's time runs from just before its key event to the frameSwapped that shows it.
// Prints one JSON line; the goal is the subject's p99 keystroke time within 1.5x saving off's.
// Also checks that each saving side really saved the whole text.
#include "app_context.h"
#include "app_services.h"
#include "app_setup.h"
#include "bench_timing.h"
#include "draft_autosave.h"
#include "slow_sync_vfs.h"
#include "store/vault_session.h"
#include "viewmodels/draft_editor.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace {

enum class Mode { Autosave, UiThread, SavingOff };
constexpr const char* modeNames[] = {"autosave", "ui_thread", "saving_off"};

[[noreturn]] void die(const std::string& what)
{
    std::cerr << "typing_bench: " << what << "\n";
    std::exit(1);
}

using amicus::bench::percentile;
using amicus::bench::threadCpuMs;

constexpr const char* windowQml = R"(
import QtQuick
import QtQuick.Controls.Material

ApplicationWindow {
    required property QtObject typist
    width: 412
    height: 780
    visible: true
    TextArea {
        objectName: "answer"
        anchors.fill: parent
        wrapMode: TextEdit.Wrap
        focus: true
        onTextChanged: typist.changed(text)
    }
}
)";

// What the window's onTextChanged reaches: the editor, the save on the UI thread, or nothing.
class Typist : public QObject {
    Q_OBJECT

public:
    Typist(Mode mode, DraftEditor& editor, amicus::store::VaultStore& store, qint64 draftId,
           QString questionId)
        : mode_(mode), editor_(editor), store_(store), draftId_(draftId),
          questionId_(std::move(questionId))
    {
    }

    Q_INVOKABLE void changed(const QString& text)
    {
        switch (mode_) {
        case Mode::Autosave:
            editor_.setAnswer(questionId_, text);
            break;
        case Mode::UiThread:
            if (!store_.drafts().saveAnswer(draftId_, questionId_.toStdString(),
                                            text.toStdString())) {
                die("save on the UI thread failed");
            }
            break;
        case Mode::SavingOff:
            break;
        }
    }

private:
    Mode mode_;
    DraftEditor& editor_;
    amicus::store::VaultStore& store_;
    qint64 draftId_;
    QString questionId_;
};

struct Side {
    std::vector<double> keystrokeMs;
    std::vector<double> keystrokeCpuMs;
};

// Types `keystrokes` letters, one every `everyMs`, and returns each one's time to its frame.
Side typingPass(QQmlEngine& engine, Typist& typist, int keystrokes, int everyMs, QString* typedText)
{
    QQmlComponent component(&engine);
    component.setData(windowQml, QUrl(QStringLiteral("qrc:/bench/typing.qml")));
    std::unique_ptr<QObject> root(component.createWithInitialProperties(
        {{QStringLiteral("typist"), QVariant::fromValue(static_cast<QObject*>(&typist))}}));
    auto* window = qobject_cast<QQuickWindow*>(root.get());
    if (!window) {
        die("window: " + component.errorString().toStdString());
    }
    if (window->rendererInterface()->graphicsApi() != QSGRendererInterface::Software) {
        die("the window does not use the software renderer");
    }
    auto* field = window->findChild<QQuickItem*>(QStringLiteral("answer"));
    if (!field) {
        die("no answer field");
    }
    window->requestActivate();
    field->forceActiveFocus();

    Side side;
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    int typed = 0;
    bool waiting = false; // a keystroke waits for its frame
    qint64 sentNs = 0;
    double sentCpuMs = 0;
    QObject::connect(window, &QQuickWindow::frameSwapped, &loop, [&] {
        if (!waiting) {
            return;
        }
        waiting = false;
        side.keystrokeMs.push_back(static_cast<double>(clock.nsecsElapsed() - sentNs) / 1e6);
        side.keystrokeCpuMs.push_back(threadCpuMs() - sentCpuMs);
        if (typed == keystrokes) {
            loop.quit();
        }
    });
    QTimer keys;
    QObject::connect(&keys, &QTimer::timeout, &loop, [&] {
        if (waiting || typed == keystrokes) {
            return; // the previous keystroke is not on screen yet: a real user would wait too
        }
        sentNs = clock.nsecsElapsed();
        sentCpuMs = threadCpuMs();
        waiting = true;
        ++typed;
        QTest::keyClick(window, static_cast<char>('a' + typed % 26));
    });
    QTimer watchdog;
    watchdog.setSingleShot(true);
    QObject::connect(&watchdog, &QTimer::timeout, &loop, [] { die("no frames (is it shown?)"); });
    watchdog.start(keystrokes * everyMs * 20 + 60000);
    // A few frames first, so the first keystroke does not pay for the window's first frame.
    QTimer::singleShot(300, &loop, [&] { keys.start(everyMs); });
    loop.exec();
    *typedText = field->property("text").toString();
    if (typedText->size() != keystrokes) {
        die("the field holds " + std::to_string(typedText->size()) + " characters, not " +
            std::to_string(keystrokes) + " (the key events did not reach it)");
    }
    return side;
}

nlohmann::json describe(const Side& side)
{
    return {{"keystroke_ms_p50", percentile(side.keystrokeMs, 0.5)},
            {"keystroke_ms_p99", percentile(side.keystrokeMs, 0.99)},
            {"keystroke_ms_max", percentile(side.keystrokeMs, 1.0)},
            {"keystroke_cpu_ms_p50", percentile(side.keystrokeCpuMs, 0.5)},
            {"keystroke_cpu_ms_p99", percentile(side.keystrokeCpuMs, 0.99)},
            {"over_16_7_ms", std::count_if(side.keystrokeMs.begin(), side.keystrokeMs.end(),
                                           [](double ms) { return ms > 1000.0 / 60.0; })},
            {"keystrokes", side.keystrokeMs.size()}};
}

} // namespace

int main(int argc, char** argv)
{
    int keystrokes = 120;
    int rounds = 3;
    int everyMs = 50;
    int syncMs = 30;
    for (int i = 1; i + 1 < argc; i += 2) {
        const int value = std::atoi(argv[i + 1]);
        if (std::strcmp(argv[i], "--keystrokes") == 0) {
            keystrokes = value;
        } else if (std::strcmp(argv[i], "--rounds") == 0) {
            rounds = value;
        } else if (std::strcmp(argv[i], "--every-ms") == 0) {
            everyMs = value;
        } else if (std::strcmp(argv[i], "--sync-ms") == 0) {
            syncMs = value;
        } else {
            die(std::string("unknown option ") + argv[i]);
        }
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qputenv("QT_QUICK_BACKEND", "software");
    qputenv("QT_QPA_UPDATE_IDLE_TIME", "0");
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_RUNTIME_DIR", home.path().toUtf8());
    QGuiApplication app(argc, argv);
    amicus::app::configureApplication();
    amicus::testing::slowDownSqliteSync(std::chrono::milliseconds(syncMs));

    const std::filesystem::path dataDir = home.filePath(QStringLiteral("data")).toStdString();
    amicus::crypto::VaultOptions vaultOptions;
    vaultOptions.scryptWorkFactor = 10;
    amicus::app::AppContext context;
    context.configure(dataDir, vaultOptions);
    auto session = amicus::store::VaultSession::create(dataDir, "bench passphrase", vaultOptions);
    if (!session) {
        die("create vault: " + session.error().detail);
    }
    context.adoptSession(std::move(*session));
    amicus::store::VaultStore& store = context.session()->store();
    auto draftId = store.drafts().create("typing-bench-call");
    if (!draftId) {
        die("create draft");
    }
    amicus::app::AppServices services(context);
    DraftEditor editor(services);
    editor.setDraftId(static_cast<int>(*draftId));
    QQmlEngine engine;
    amicus::app::configureEngine(engine);

    Side sides[3];
    for (int round = 0; round < rounds; ++round) {
        // Each side goes first in turn, so none always runs on a warmer (or busier) machine.
        for (int k = 0; k < 3; ++k) {
            const auto mode = static_cast<Mode>((round + k) % 3);
            const QString questionId =
                QStringLiteral("q-%1-%2").arg(QString::fromLatin1(modeNames[int(mode)])).arg(round);
            Typist typist(mode, editor, store, *draftId, questionId);
            QString typed;
            Side pass = typingPass(engine, typist, keystrokes, everyMs, &typed);
            if (mode != Mode::SavingOff) {
                services.autosave().flush();
                auto draft = store.drafts().get(*draftId);
                if (!draft || draft->answers[questionId.toStdString()] != typed.toStdString()) {
                    die(std::string(modeNames[int(mode)]) +
                        ": the saved text is not the typed one");
                }
            }
            if (editor.saveState() != DraftEditor::SaveState::Saved) {
                die("the editor reports a failed save");
            }
            auto& side = sides[int(mode)];
            side.keystrokeMs.insert(side.keystrokeMs.end(), pass.keystrokeMs.begin(),
                                    pass.keystrokeMs.end());
            side.keystrokeCpuMs.insert(side.keystrokeCpuMs.end(), pass.keystrokeCpuMs.begin(),
                                       pass.keystrokeCpuMs.end());
        }
    }
    context.closeSession();

    const double subjectP99 = percentile(sides[0].keystrokeMs, 0.99);
    const double peerP99 = percentile(sides[2].keystrokeMs, 0.99);
    const double before99 = percentile(sides[1].keystrokeMs, 0.99);
    const double ratio = peerP99 > 0 ? subjectP99 / peerP99 : 0;
    const nlohmann::json result = {
        {"name", "app_typing_slow_sync"},
        {"subject",
         {{"label", "p99 keystroke to frame, autosave, " + std::to_string(syncMs) + " ms syncs"},
          {"value", subjectP99 / 1000},
          {"unit", "s"}}},
        {"peer",
         {{"label", "p99 keystroke to frame, saving off"},
          {"value", peerP99 / 1000},
          {"unit", "s"}}},
        {"ratio", ratio},
        {"goal", "subject p99 <= 1.5x saving off"},
        {"met", ratio <= 1.5},
        {"extra",
         {{"autosave", describe(sides[0])},
          {"ui_thread", describe(sides[1])},
          {"saving_off", describe(sides[2])},
          {"ui_thread_ratio", peerP99 > 0 ? before99 / peerP99 : 0},
          {"sync_ms", syncMs},
          {"every_ms", everyMs},
          {"keystrokes_per_round", keystrokes},
          {"rounds", rounds}}},
    };
    std::cout << result.dump() << std::endl;
    return ratio <= 1.5 ? 0 : 1;
}

#include "typing_bench.moc"
