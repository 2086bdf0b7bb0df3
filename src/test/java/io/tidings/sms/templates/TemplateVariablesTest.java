package io.tidings.sms.templates;

import io.tidings.shared.InvalidInputException;
import io.tidings.sms.RenderedSms;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateVariablesTest {

    @Test
    void variablesAreFoundOnceEachInOrderOfFirstUse() {
        assertThat(TemplateVariables.of("亲爱的{{contact.first_name}}，订单{{ order.number }}已发货，{{coupon}}，再见{{contact.first_name}}"))
                .containsExactly("contact.first_name", "order.number", "coupon");
        assertThat(TemplateVariables.of("No variables, {single} braces are text")).isEmpty();
    }

    @Test
    void somethingInDoubleBracesThatIsNotAVariableIsRefused() {
        for (String body : new String[]{"Hi {{contact-name}}", "Hi {{}}", "Hi {{contact..name}}", "Hi {{name", "Hi name}}",
                "Hi {{${7*7}}}", "Hi {{ contact name }}"}) {
            assertThatThrownBy(() -> TemplateVariables.of(body)).as(body)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("malformed variable");
        }
    }

    @Test
    void valuesAreInsertedLiterallyAndNeverReadAgain() {
        String body = "Hi {{contact.name}}, your code {{code}}.";
        for (String value : new String[]{"{{coupon}}", "${7*7}", "<script>alert(1)</script>", "#{T(java.lang.Runtime)}",
                "$1 \\1 $0", "[[${secret}]]", "*{x}"}) {
            RenderedSms r = TemplateRenderer.render(body, Map.of("contact.name", value, "code", "{{contact.name}}"));
            assertThat(r.text()).as(value).isEqualTo("Hi " + value + ", your code {{contact.name}}.");
            assertThat(r.test()).isFalse();
        }
    }

    @Test
    void aVariableWithNoValueIsAnErrorListingEveryMissingOne() {
        Map<String, String> values = new HashMap<>();
        values.put("contact.name", "Ann");
        values.put("order.number", null);
        assertThatThrownBy(() -> TemplateRenderer.render("{{contact.name}} {{order.number}} {{product.title}}", values))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("no value for {{order.number}}, {{product.title}}")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("variables");
    }

    @Test
    void aBodyWithASignatureOrAnUnknownNamespaceBreaksTheTemplateRules() {
        assertThatThrownBy(() -> TemplateRules.body("【天猫旗舰店】您的订单已发货"))
                .hasMessageContaining("must not contain a signature");
        assertThatThrownBy(() -> TemplateRules.body("您的订单已发货】"))
                .hasMessageContaining("must not contain a signature");
        assertThatThrownBy(() -> TemplateRules.body("Hi {{customer.name}}"))
                .hasMessageContaining("unknown variable namespace in {{customer.name}}")
                .hasMessageContaining("contact.*, order.*, product.*");
        assertThat(TemplateRules.body("Hi {{contact.name}} {{product.title}}")).containsExactly("contact.name", "product.title");
    }
}
