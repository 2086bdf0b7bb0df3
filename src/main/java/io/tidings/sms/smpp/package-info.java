/**
 * SMPP 3.4 (jsmpp): {@link io.tidings.sms.smpp.SmppGateway}, the {@link io.tidings.sms.smpp.SmscSimulator} that tests
 * and the bench run against, and {@link io.tidings.sms.smpp.SmsBench}. Exposed as the named interface "smpp" so the
 * command line can start the bench and a send path can construct the gateway; everything else here is
 * package-private.
 */
@org.springframework.modulith.NamedInterface("smpp")
package io.tidings.sms.smpp;
