package io.tidings.sms.providers;

import io.tidings.sms.RecordingSink;
import io.tidings.sms.SmsEventSink;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class SinkFallbackConfigTest {

    @Test
    void withoutAnotherSinkTheLoggingSinkStandsIn() {
        new ApplicationContextRunner().withUserConfiguration(SinkFallbackConfig.class)
                .run(context -> assertThat(context.getBean(SmsEventSink.class)).isInstanceOf(LoggingSmsEventSink.class));
    }

    @Test
    void aRealSinkReplacesTheLoggingOne() {
        new ApplicationContextRunner().withBean("realSink", RecordingSink.class)
                .withUserConfiguration(SinkFallbackConfig.class)
                .run(context -> {
                    assertThat(context.getBeansOfType(SmsEventSink.class)).hasSize(1);
                    assertThat(context.getBean(SmsEventSink.class)).isInstanceOf(RecordingSink.class);
                });
    }
}
