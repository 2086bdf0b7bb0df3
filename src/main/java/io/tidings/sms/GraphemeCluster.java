package io.tidings.sms;

import static io.tidings.sms.GraphemeBreak.CONTROL;
import static io.tidings.sms.GraphemeBreak.CR;
import static io.tidings.sms.GraphemeBreak.EXTEND;
import static io.tidings.sms.GraphemeBreak.E_BASE;
import static io.tidings.sms.GraphemeBreak.E_BASE_GAZ;
import static io.tidings.sms.GraphemeBreak.E_MODIFIER;
import static io.tidings.sms.GraphemeBreak.GLUE_AFTER_ZWJ;
import static io.tidings.sms.GraphemeBreak.L;
import static io.tidings.sms.GraphemeBreak.LF;
import static io.tidings.sms.GraphemeBreak.LV;
import static io.tidings.sms.GraphemeBreak.LVT;
import static io.tidings.sms.GraphemeBreak.OTHER;
import static io.tidings.sms.GraphemeBreak.PREPEND;
import static io.tidings.sms.GraphemeBreak.REGIONAL_INDICATOR;
import static io.tidings.sms.GraphemeBreak.SPACING_MARK;
import static io.tidings.sms.GraphemeBreak.T;
import static io.tidings.sms.GraphemeBreak.V;
import static io.tidings.sms.GraphemeBreak.ZWJ;

/**
 * Decides grapheme cluster boundaries one code point at a time, reproducing grapheme-splitter 1.0.4's
 * {@code shouldBreak(start, mid, end)} rule for rule, quirks included, because the reference calculator's segment
 * and character counts depend on them.
 *
 * <p>grapheme-splitter rescans the whole cluster ({@code all = [start, ...mid, end]}) for every code point, which is
 * quadratic on long runs of combining marks. The same answers follow from a few running facts about the cluster,
 * kept here, so each code point costs O(1) and hostile input cannot stall the counter.
 *
 * <p>One deliberate difference: CR LF is split, because the reference calculator splits that grapheme back into
 * two characters after clustering.
 */
final class GraphemeCluster {

    private int start;
    private int previous;
    private int beforePrevious;
    /** Code points in the cluster so far; the next code point has this index in {@code all}. */
    private int length;
    /** How many code points right after the first are Extend (resp. Regional_Indicator) without interruption. */
    private int leadingExtend;
    private int leadingRegional;
    /** Index in the cluster of the last such code point, -1 when there is none. */
    private int lastModifier;
    private int lastRegional;
    private int lastExtend;
    private boolean regionalAfterStart;

    GraphemeCluster(int firstProperty) {
        begin(firstProperty);
    }

    /**
     * True when a cluster boundary comes before a code point with property {@code next}; that code point then
     * starts the new cluster. False when it joins the current one.
     */
    boolean breaksBefore(int next) {
        // By far the most common case (letters, CJK, most emoji): only Prepend can hold on to an Other.
        if (next == OTHER && previous != PREPEND || !joins(next)) {
            begin(next);
            return true;
        }
        append(next);
        return false;
    }

    private void begin(int property) {
        start = property;
        previous = property;
        beforePrevious = -1;
        length = 1;
        leadingExtend = 0;
        leadingRegional = 0;
        lastModifier = property == E_MODIFIER ? 0 : -1;
        lastRegional = property == REGIONAL_INDICATOR ? 0 : -1;
        lastExtend = property == EXTEND ? 0 : -1;
        regionalAfterStart = false;
    }

    private void append(int next) {
        int index = length;
        if (next == EXTEND) {
            if (leadingExtend == index - 1) {
                leadingExtend++;
            }
            lastExtend = index;
        } else if (next == REGIONAL_INDICATOR) {
            if (leadingRegional == index - 1) {
                leadingRegional++;
            }
            lastRegional = index;
            regionalAfterStart = true;
        } else if (next == E_MODIFIER) {
            lastModifier = index;
        }
        beforePrevious = previous;
        previous = next;
        length++;
    }

    private boolean joins(int next) {
        // Lookahead terminator for GB10: an E_Modifier after Extends that do not follow an emoji base.
        int modifier = next == E_MODIFIER ? length : lastModifier;
        if (modifier > 1 && leadingExtend >= modifier - 1 && start != EXTEND && !isEmojiBase(start)) {
            return false;
        }
        // Lookahead terminator for GB12/GB13 (regional indicator pairs).
        int regional = next == REGIONAL_INDICATOR ? length : lastRegional;
        if (regional > 0 && leadingRegional >= regional - 1 && previous != PREPEND
                && previous != REGIONAL_INDICATOR) {
            return false;
        }
        if (previous == CR || previous == LF || previous == CONTROL) { // GB3 is dropped: CR LF splits, see above
            return false;
        }
        if (next == CONTROL || next == CR || next == LF) {
            return false;
        }
        if (previous == L && (next == L || next == V || next == LV || next == LVT)
                || (previous == LV || previous == V) && (next == V || next == T)
                || (previous == LVT || previous == T) && next == T) {
            return true;
        }
        if (next == EXTEND || next == ZWJ || next == SPACING_MARK || previous == PREPEND) {
            return true;
        }
        // GB10 as grapheme-splitter implements it: the base, then at most the one Extend just before the modifier.
        if (next == E_MODIFIER && (lastExtend < 0 ? isEmojiBase(previous)
                : lastExtend == length - 1 && length >= 2 && isEmojiBase(beforePrevious))) {
            return true;
        }
        if (previous == ZWJ && (next == GLUE_AFTER_ZWJ || next == E_BASE_GAZ)) {
            return true;
        }
        if (regionalAfterStart) {
            return false;
        }
        return previous == REGIONAL_INDICATOR && next == REGIONAL_INDICATOR;
    }

    private static boolean isEmojiBase(int property) {
        return property == E_BASE || property == E_BASE_GAZ;
    }
}
