package io.tidings.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.tidings.sms.SmsCount.Encoding;

class SmsCounterTest {

    private static String repeat(String s, int times) {
        return s.repeat(times);
    }

    @Test
    void emptyTextIsOneGsmSegmentOfNoCharacters() {
        assertThat(SmsCounter.count("")).isEqualTo(new SmsCount(Encoding.GSM_7, 1, 0, 160));
    }

    @Test
    void extensionCharacterCostsTwoSeptets() {
        assertThat(SmsCounter.count("€")).isEqualTo(new SmsCount(Encoding.GSM_7, 1, 2, 158));
        for (char c : "^{}\\[~]|€\f".toCharArray()) {
            assertThat(SmsCounter.count("a" + c).characters()).as("%s", c).isEqualTo(3);
        }
    }

    @Test
    void basicGsmCharactersFillOneSegmentUpTo160AndThen153Each() {
        assertThat(SmsCounter.count(repeat("a", 160)).segments()).isEqualTo(1);
        assertThat(SmsCounter.count(repeat("a", 161))).isEqualTo(new SmsCount(Encoding.GSM_7, 2, 161, 145));
        assertThat(SmsCounter.count(repeat("a", 306)).segments()).isEqualTo(2);
        assertThat(SmsCounter.count(repeat("a", 307)).segments()).isEqualTo(3);
    }

    @Test
    void escapePairThatWouldStraddleABoundaryStartsTheNextSegment() {
        // 152 + € + 7 = 161 septets: concatenated; the € cannot be septets 153-154, so it opens segment 2.
        SmsCount count = SmsCounter.count(repeat("a", 152) + "€" + repeat("a", 7));
        assertThat(count.segments()).isEqualTo(2);
        assertThat(count.remaining()).isEqualTo(153 - 2 - 7);
        // 152 + € + 152 = 306 septets would fit 2 x 153 if the pair could be split; it cannot, so 3.
        assertThat(SmsCounter.count(repeat("a", 152) + "€" + repeat("a", 152)).segments()).isEqualTo(3);
        // Control: with the € one place earlier, nothing straddles and two segments do.
        assertThat(SmsCounter.count(repeat("a", 151) + "€" + repeat("a", 153)).segments()).isEqualTo(2);
    }

    @Test
    void escapePairsAloneStillNeverSplit() {
        assertThat(SmsCounter.count(repeat("€", 80)).segments()).isEqualTo(1);
        assertThat(SmsCounter.count(repeat("€", 81)).segments()).isEqualTo(2);
        // 153 x 2 = 306 septets = 2 x 153, but a concatenated segment takes only 76 whole pairs: 3 segments.
        assertThat(SmsCounter.count(repeat("€", 153))).isEqualTo(new SmsCount(Encoding.GSM_7, 3, 306, 151));
    }

    @Test
    void anyNonGsmCharacterMakesTheWholeMessageUcs2() {
        assertThat(SmsCounter.count("hello ç")).isEqualTo(new SmsCount(Encoding.UCS_2, 1, 7, 63));
        assertThat(SmsCounter.count(repeat("中", 70)).segments()).isEqualTo(1);
        assertThat(SmsCounter.count(repeat("中", 71))).isEqualTo(new SmsCount(Encoding.UCS_2, 2, 71, 63));
        assertThat(SmsCounter.count(repeat("中", 134)).segments()).isEqualTo(2);
        assertThat(SmsCounter.count(repeat("中", 135)).segments()).isEqualTo(3);
    }

    @Test
    void characterOutsideTheBmpTakesTwoUnitsButCountsAsOneCharacter() {
        assertThat(SmsCounter.count(repeat("😀", 35))).isEqualTo(new SmsCount(Encoding.UCS_2, 1, 35, 0));
        assertThat(SmsCounter.count(repeat("😀", 36)).segments()).isEqualTo(2);
    }

    @Test
    void surrogatePairIsNeverSplitAcrossSegments() {
        // 66 + 2 + 66 = 134 units would be exactly 2 x 67, but the emoji cannot be units 67-68.
        SmsCount count = SmsCounter.count(repeat("中", 66) + "😀" + repeat("中", 66));
        assertThat(count.segments()).isEqualTo(3);
        assertThat(count.remaining()).isEqualTo(66);
        assertThat(SmsCounter.count(repeat("中", 65) + "😀" + repeat("中", 67)).segments()).isEqualTo(2);
    }

    @Test
    void graphemeClusterIsNeverSplitAndCountsAsOneCharacter() {
        String thumbWithSkinTone = "👍🏽"; // 4 UTF-16 units, one character
        SmsCount count = SmsCounter.count(repeat("中", 66) + thumbWithSkinTone + repeat("中", 64));
        assertThat(count.segments()).isEqualTo(3);
        assertThat(count.characters()).isEqualTo(131);
        assertThat(SmsCounter.count("e\u0301").characters()).isEqualTo(1);
        assertThat(SmsCounter.count("🇨🇳🇩🇪").characters()).isEqualTo(2);
    }

    @Test
    void carriageReturnLineFeedCountsAsTwoCharacters() {
        assertThat(SmsCounter.count("a\r\nb")).isEqualTo(new SmsCount(Encoding.GSM_7, 1, 4, 156));
        assertThat(SmsCounter.count("中\r\n").characters()).isEqualTo(3);
    }

    @Test
    void loneSurrogateIsSentAsOneUcs2Unit() {
        assertThat(SmsCounter.count("a\uD800b")).isEqualTo(new SmsCount(Encoding.UCS_2, 1, 3, 67));
    }

    @Test
    void smartEncodingKeepsTypographicTextInGsm7() {
        String text = "“Sale” — it’s on… today";
        assertThat(SmsCounter.count(text).encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(SmsCounter.smartReplace(text)).isEqualTo("\"Sale\" - it's on... today");
        assertThat(SmsCounter.count(text, true)).isEqualTo(SmsCounter.count("\"Sale\" - it's on... today"));
    }

    @Test
    void smartEncodingLeavesAccentedLettersAlone() {
        assertThat(SmsCounter.smartReplace("ça va, señora")).isEqualTo("ça va, señora");
        assertThat(SmsCounter.count("ça va", true).encoding()).isEqualTo(Encoding.UCS_2);
    }

    @Test
    void smartEncodingReturnsTheSameInstanceWhenNothingChanges() {
        String text = "plain text";
        assertThat(SmsCounter.smartReplace(text)).isSameAs(text);
    }

    @Test
    void charactersForcingUcs2AreListedOnceInOrderOfAppearance() {
        assertThat(SmsCounter.ucs2Characters("ça 中 😀 中 ç 👍🏽")).containsExactly("ç", "中", "😀", "👍🏽");
        assertThat(SmsCounter.ucs2Characters("all GSM €")).isEmpty();
    }

    @Test
    void everyGsmCharacterIsTheReferenceAlphabetAndNothingElse() {
        // Keys of UnicodeToGSM in sms-segments-calculator 1.3.0, with their septet counts.
        String reference = "a:1 c:2 d:1 20-5a:1 5b-5e:2 5f:1 61-7a:1 7b-7e:2 a1:1 a3:1 a4:1 a5:1 a7:1 bf:1 c4:1 c5:1 c6:1"
                + " c7:1 c9:1 d1:1 d6:1 d8:1 dc:1 df:1 e0:1 e4:1 e5:1 e6:1 e8:1 e9:1 ec:1 f1:1 f2:1 f6:1 f8:1 f9:1"
                + " fc:1 393:1 394:1 398:1 39b:1 39e:1 3a0:1 3a3:1 3a6:1 3a8:1 3a9:1 20ac:2";
        int[] expected = new int[Character.MAX_VALUE + 1];
        for (String entry : reference.split(" ")) {
            String[] rangeAndCost = entry.split(":");
            String[] range = rangeAndCost[0].split("-");
            int first = Integer.parseInt(range[0], 16);
            int last = Integer.parseInt(range[range.length - 1], 16);
            for (int c = first; c <= last; c++) {
                expected[c] = Integer.parseInt(rangeAndCost[1]);
            }
        }
        String wrong = IntStream.rangeClosed(0, Character.MAX_VALUE)
                .filter(c -> CharClass.septets((char) c) != expected[c])
                .mapToObj(Integer::toHexString).collect(Collectors.joining(" "));
        assertThat(wrong).isEmpty();
    }
}
