import Foundation
import Speech
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct SpeakerTests {
    let voice = Voice(name: "ko", rate: 175, volume: 100)

    /// Whether `pid` is gone and reaped: neither running nor a zombie.
    func isGone(_ pid: pid_t) -> Bool {
        kill(pid, 0) == -1 && errno == ESRCH
    }

    @Test func fillsInTheVoiceRateAndVolumeAndSendsTheTextOnStandardInput() throws {
        let recorder = try RecordingVoice()
        let speaker = Speaker(command: SpeechCommand(["/bin/sh", recorder.script.path, "-v", "{voice}", "-s", "{rate}", "-a", "{volume}"]))
        speaker.say("안녕하세요. 1 / 4", voice: voice)
        #expect(speaker.waitUntilQuiet())
        #expect(recorder.lines == ["-v ko -s 175 -a 100 | 안녕하세요. 1 / 4"])
        #expect(speaker.spoken == 1)
    }

    @Test func stopKillsThePhraseAtOnceAndLeavesNoZombie() throws {
        let recorder = try RecordingVoice(sleepSeconds: 30)
        let speaker = Speaker(command: SpeechCommand(["/bin/sh", recorder.script.path]))
        speaker.say("a long phrase", voice: voice)
        let pid = try #require(speaker.currentProcess)
        let started = ContinuousClock.now
        speaker.stop()
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(!speaker.isSpeaking)
        #expect(isGone(pid))
        #expect(recorder.lines.isEmpty)
    }

    @Test func aNewPhraseInterruptsTheOneBeingSpoken() throws {
        let recorder = try RecordingVoice(sleepSeconds: 30)
        let speaker = Speaker(command: SpeechCommand(["/bin/sh", recorder.script.path]))
        speaker.say("first", voice: voice)
        let first = try #require(speaker.currentProcess)
        speaker.say("second", voice: voice)
        let second = try #require(speaker.currentProcess)
        #expect(first != second)
        #expect(isGone(first))
        speaker.stop()
        #expect(isGone(second))
    }

    /// News that must not cut off the phrase being heard waits for it to end; `stop` (any key)
    /// drops it with the phrase.
    @Test func aPhraseSaidAfterWaitsForTheOneBeingSpoken() throws {
        let recorder = try RecordingVoice(sleepSeconds: 1)
        let speaker = Speaker(command: SpeechCommand(["/bin/sh", recorder.script.path, "{rate}"]))
        speaker.say("page", voice: voice)
        speaker.sayAfter("news", voice: voice)
        #expect(speaker.lastPhrase == "page")
        #expect(speaker.waitUntilQuiet())
        #expect(recorder.lines == ["175 | page", "175 | news"])
        speaker.say("again", voice: voice)
        speaker.sayAfter("dropped", voice: voice)
        speaker.stop()
        #expect(speaker.waitUntilQuiet())
        #expect(recorder.lines == ["175 | page", "175 | news"])
        // With nothing being spoken it is said at once.
        speaker.sayAfter("alone", voice: voice)
        #expect(speaker.waitUntilQuiet())
        #expect(recorder.lines.last == "175 | alone")
    }

    @Test func aFinishedPhraseIsReaped() throws {
        let recorder = try RecordingVoice()
        let speaker = Speaker(command: SpeechCommand(["/bin/sh", recorder.script.path]))
        speaker.say("short", voice: voice)
        // It may already have ended: a short phrase on a busy machine.
        let pid = try #require(speaker.lastProcess)
        #expect(speaker.waitUntilQuiet())
        #expect(isGone(pid))
    }

    @Test func aMissingProgramIsReportedNotFatal() {
        let speaker = Speaker(command: SpeechCommand(["/nonexistent/espeak-ng", "{voice}"]))
        speaker.say("text", voice: voice)
        #expect(!speaker.isSpeaking)
        #expect(speaker.lastError?.description.contains("cannot start '/nonexistent/espeak-ng'") == true)
        #expect(speaker.lastPhrase == "text")
    }

    @Test func noCommandMeansSilence() {
        let speaker = Speaker(command: SpeechCommand([]))
        speaker.say("text", voice: voice)
        #expect(!speaker.isSpeaking && speaker.spoken == 0 && speaker.lastError == nil)
    }

    @Test func aChildThatNeverReadsItsInputCannotHurtTheKiosk() throws {
        // `true` exits without reading: the write must fail quietly, not raise SIGPIPE.
        let speaker = Speaker(command: SpeechCommand(["true"]))
        for _ in 0..<20 { speaker.say(String(repeating: "가", count: 10_000), voice: voice) }
        #expect(speaker.waitUntilQuiet())
    }

    @Test func espeakReallySpeaksKorean() throws {
        // The default voice of kiosk.conf: espeak-ng must have a Korean voice on this machine.
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/espeak-ng"), "espeak-ng is not installed (make deps)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("espeak-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let wav = folder.appendingPathComponent("ko.wav")
        let speaker = Speaker(command: SpeechCommand(["espeak-ng", "-v", "{voice}", "-s", "{rate}", "-a", "{volume}", "-w", wav.path]))
        speaker.say("안녕하세요. 기초연금을 받을 수 있어요.", voice: voice)
        #expect(speaker.waitUntilQuiet(timeout: .seconds(20)))
        let size = try FileManager.default.attributesOfItem(atPath: wav.path)[.size] as? Int ?? 0
        #expect(size > 20_000)
    }
}

@Suite struct BackgroundCommandTests {
    @Test func runsWithoutWaitingAndReapsWhenDone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let marker = folder.appendingPathComponent("ran")
        let commands = BackgroundCommands()
        let started = ContinuousClock.now
        commands.run(["sh", "-c", "sleep 0.3; touch '\(marker.path)'"])
        #expect(ContinuousClock.now - started < .milliseconds(250))
        #expect(commands.count == 1)
        #expect(commands.waitUntilDone())
        #expect(FileManager.default.fileExists(atPath: marker.path))
        commands.run([])
        #expect(commands.started == 1)
    }
}
