package io.tidings.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SmsCountCommandTest {

    private record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    private static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SmsCountCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, false, StandardCharsets.UTF_8), new PrintStream(err, false, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void jsonlAnswersEveryLineInOrderWithTheExactFields() {
        Run run = run("""
                {"text": "hello"}
                {"text": "你好", "profile": "intl"}
                {"text": "“hi”", "smart": true}
                {"text": "€"}
                {"text": "您好", "profile": "cn", "signature": "小米3店", "unsubscribe": "回T退订"}
                """, "--jsonl");
        assertThat(run.exit()).isZero();
        assertThat(run.lines()).containsExactly(
                "{\"encoding\":\"GSM-7\",\"segments\":1,\"characters\":5}",
                "{\"encoding\":\"UCS-2\",\"segments\":1,\"characters\":2}",
                "{\"encoding\":\"GSM-7\",\"segments\":1,\"characters\":4}",
                "{\"encoding\":\"GSM-7\",\"segments\":1,\"characters\":2}",
                "{\"encoding\":\"UCS-2\",\"segments\":1,\"characters\":12}");
    }

    @Test
    void jsonlLineThatCannotBeCountedGetsAnErrorAndCountingGoesOn() {
        Run run = run("""
                {"text": "a"}
                {not json
                {"text": "b", "profile": "cn", "signature": "shop!店"}

                {"profile": "intl"}
                {"text": "c", "profile": "us"}
                {"text": "d", "profile": "cn"}
                {"text": "%s", "profile": "cn", "signature": "天猫旗舰店"}
                [1, 2]
                {"text": 5}
                {"text": "e", "smart": "yes"}
                {"text": "f"} trailing
                {"text": "g"}
                """.formatted("订".repeat(494)), "--jsonl");
        assertThat(run.exit()).isZero();
        List<String> lines = run.lines();
        assertThat(lines).hasSize(13);
        assertThat(lines.get(0)).isEqualTo("{\"encoding\":\"GSM-7\",\"segments\":1,\"characters\":1}");
        assertThat(lines.get(1)).startsWith("{\"error\":\"malformed JSON");
        assertThat(lines.get(2)).isEqualTo("{\"error\":\"invalid signature: signature may contain only Chinese "
                + "characters, ASCII letters and digits, not '!'\"}");
        assertThat(lines.get(3)).isEqualTo("{\"error\":\"empty line\"}");
        assertThat(lines.get(4)).isEqualTo("{\"error\":\"missing text\"}");
        assertThat(lines.get(5)).isEqualTo("{\"error\":\"unknown profile: us (expected intl or cn)\"}");
        assertThat(lines.get(6)).isEqualTo("{\"error\":\"the cn profile needs a signature\"}");
        assertThat(lines.get(7)).isEqualTo("{\"error\":\"text too long: 501 characters, at most 500\"}");
        assertThat(lines.get(8)).isEqualTo("{\"error\":\"expected a JSON object\"}");
        assertThat(lines.get(9)).isEqualTo("{\"error\":\"text must be a string\"}");
        assertThat(lines.get(10)).isEqualTo("{\"error\":\"smart must be true or false\"}");
        assertThat(lines.get(11)).startsWith("{\"error\":\"malformed JSON");
        assertThat(lines.get(12)).isEqualTo("{\"encoding\":\"GSM-7\",\"segments\":1,\"characters\":1}");
    }

    @Test
    void jsonlErrorLinesAreValidJsonEvenForOddInput() {
        // A lone surrogate cannot be written as UTF-8, so it comes back escaped.
        Run run = run("{\"text\": \"x\", \"profile\": \"cn\", \"signature\": \"店b\\ud800\"}\n", "--jsonl");
        assertThat(run.lines()).containsExactly("{\"error\":\"invalid signature: signature may contain only "
                + "Chinese characters, ASCII letters and digits, not '\\ud800'\"}");
        Run odd = run("{\"text\": \"x\", \"profile\": \"a\\\"b\\\\c\\n\"}\n", "--jsonl");
        assertThat(odd.lines()).containsExactly(
                "{\"error\":\"unknown profile: a\\\"b\\\\c\\n (expected intl or cn)\"}");
    }

    @Test
    void jsonlKeepsOrderOverManyLines() {
        String input = IntStream.range(0, 50_000)
                .mapToObj(i -> i % 7 == 0 ? "oops" : "{\"text\":\"" + "a".repeat(i % 400) + "\"}")
                .collect(Collectors.joining("\n"));
        List<String> lines = run(input, "--jsonl").lines();
        assertThat(lines).hasSize(50_000);
        for (int i = 0; i < 50_000; i++) {
            String expected = i % 7 == 0 ? "{\"error\":\"malformed JSON"
                    : "{\"encoding\":\"GSM-7\",\"segments\":" + SmsCounter.count("a".repeat(i % 400)).segments()
                            + ",\"characters\":" + (i % 400) + "}";
            assertThat(lines.get(i)).as("line %d", i).startsWith(expected);
        }
    }

    @Test
    void jsonlHandlesCrlfLinesAndAByteOrderMark() {
        Run run = run("\uFEFF{\"text\":\"a\"}\r\n{\"text\":\"bb\"}\r\n", "--jsonl");
        assertThat(run.lines()).containsExactly(
                "{\"encoding\":\"GSM-7\",\"segments\":1,\"characters\":1}",
                "{\"encoding\":\"GSM-7\",\"segments\":1,\"characters\":2}");
    }

    @Test
    void textOnTheCommandLineGetsAHumanReadableAnswer() {
        Run run = run("", "Merci, à bientôt 😀");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("encoding:        UCS-2", "segments:        1", "characters:      18",
                "left in segment: 51", "forcing UCS-2:   \"ô\" \"😀\"");
    }

    @Test
    void humanFormSupportsSmartAndTheCnProfile() {
        Run smart = run("", "--smart", "It’s", "done");
        assertThat(smart.out()).contains("encoding:        GSM-7", "forcing UCS-2:   none", "smart text:      It's done");
        Run cn = run("", "--profile", "cn", "--signature", "天猫旗舰店", "--unsubscribe", "回T退订", "您好");
        assertThat(cn.exit()).isZero();
        assertThat(cn.out()).contains("characters:      13", "billed text:     【天猫旗舰店】您好回T退订");
        Run bad = run("", "--profile", "cn", "--signature", "shop", "hi");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).contains("signature must contain at least one Chinese character");
    }

    @Test
    void helpPrintsUsageAndWrongUsageExitsWithTwo() {
        assertThat(run("", "--help").out()).contains("Usage: tidings sms count");
        assertThat(run("").exit()).isEqualTo(2);
        assertThat(run("", "--bogus", "x").exit()).isEqualTo(2);
        assertThat(run("", "--profile").exit()).isEqualTo(2);
        assertThat(run("", "--jsonl", "text").exit()).isEqualTo(2);
        assertThat(run("", "--", "--not-an-option").out()).contains("characters:      15");
    }
}
