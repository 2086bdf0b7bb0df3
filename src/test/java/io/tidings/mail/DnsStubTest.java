package io.tidings.mail;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One application context for every domain test: mail domain shop.example, DNS asked only of the
 * loopback {@link DnsStub}, with a short timeout so the silent-server test is quick.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tidings.mail.domain=shop.example",
        "tidings.mail.dkim-selector=t1",
        "tidings.mail.mx-host=mx.shop.example",
        "tidings.mail.dns-timeout=600ms"})
@ContextConfiguration(initializers = DnsStub.Initializer.class)
@interface DnsStubTest {
}
