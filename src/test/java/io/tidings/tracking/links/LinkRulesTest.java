package io.tidings.tracking.links;

import io.tidings.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkRulesTest {

    @Test
    void aLinkTouchingChineseTextEndsWhereTheChineseBegins() {
        var found = LinkFinder.find("点击https://shop.example.com/p/1?x=2领取优惠");
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.url()).isEqualTo("https://shop.example.com/p/1?x=2");
            assertThat(f.host()).isEqualTo("shop.example.com");
            assertThat(f.start()).isEqualTo(2);
        });
    }

    @Test
    void sentencePunctuationAfterALinkIsNotPartOfIt() {
        assertThat(LinkFinder.find("See https://a.example.com/x. Or (https://b.example.com/y), fine"))
                .extracting(LinkFinder.Found::url)
                .containsExactly("https://a.example.com/x", "https://b.example.com/y");
        assertThat(LinkFinder.find("https://en.example.org/wiki/X_(y)")).extracting(LinkFinder.Found::url)
                .containsExactly("https://en.example.org/wiki/X_(y)");
    }

    @Test
    void aTemplateVariableEndsALink() {
        assertThat(LinkFinder.find("Track https://shop.example.com/o/{{order.number}} now"))
                .extracting(LinkFinder.Found::url).containsExactly("https://shop.example.com/o/");
    }

    @Test
    void theHostIsWhereABrowserGoesNotWhatTheLinkPretends() {
        assertThat(LinkFinder.hostOf("https://shop.example.com@evil.example.net/x")).isEqualTo("evil.example.net");
        assertThat(LinkFinder.hostOf("HTTP://Shop.Example.COM.:8443/x")).isEqualTo("shop.example.com");
        assertThat(LinkFinder.hostOf("https://")).isEmpty();
    }

    @Test
    void knownShortenersAndTheirSubdomainsAreShortLinksButLookAlikesAreNot() {
        assertThat(ShortLinkPolicy.isShortener("bit.ly")).isTrue();
        assertThat(ShortLinkPolicy.isShortener("www.bit.ly")).isTrue();
        assertThat(ShortLinkPolicy.isShortener("t.cn")).isTrue();
        assertThat(ShortLinkPolicy.isShortener("t.com")).isFalse();
        assertThat(ShortLinkPolicy.isShortener("rabbit.ly.example.com")).isFalse();
    }

    @Test
    void aShortLinkPastedWithoutSchemeIsFound() {
        assertThat(ShortLinkPolicy.bareShortLink("领券 bit.ly/3xYz 速抢")).contains("bit.ly/3xYz");
        assertThat(ShortLinkPolicy.bareShortLink("点t.cn/A6abc领取")).contains("t.cn/A6abc");
        assertThat(ShortLinkPolicy.bareShortLink("https://bit.ly/3xYz")).isEmpty();
        assertThat(ShortLinkPolicy.bareShortLink("reply to robot.ly.example / ok")).isEmpty();
    }

    @Test
    void aDomainIsStoredLowerCaseWithoutSchemePathOrWildcard() {
        assertThat(LinkDomains.normalize(" Shop.Example.COM ")).isEqualTo("shop.example.com");
        assertThat(LinkDomains.normalize("https://shop.example.com/path?q=1")).isEqualTo("shop.example.com");
        assertThat(LinkDomains.normalize("*.example.com")).isEqualTo("example.com");
        assertThat(LinkDomains.normalize("例子.中国")).isEqualTo("xn--fsqu00a.xn--fiqs8s");
    }

    @Test
    void notADomainIsRefusedWithTheReason() {
        for (String bad : new String[]{"", "localhost", "192.168.1.1", "a..b.com", "-a.com", "sp ace.com", "a_b.com"}) {
            assertThatThrownBy(() -> LinkDomains.normalize(bad)).as(bad).isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("domain");
        }
        assertThatThrownBy(() -> LinkDomains.normalize("bit.ly")).hasMessageContaining("link shortener");
    }

    @Test
    void aHostIsAllowedByItselfOrAnyParentDomain() {
        assertThat(LinkDomains.allowingCandidates("a.b.example.com"))
                .containsExactly("a.b.example.com", "b.example.com", "example.com");
    }

    @Test
    void codesAreEightBase62CharactersAndDoNotRepeat() {
        ShortCodes codes = new ShortCodes();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = codes.next();
            assertThat(ShortCodes.wellFormed(code)).isTrue();
            seen.add(code);
        }
        assertThat(seen).hasSize(10_000);
        assertThat(ShortCodes.wellFormed("abc")).isFalse();
        assertThat(ShortCodes.wellFormed("abcdefg!")).isFalse();
    }
}
