package io.tidings.sms.send;

import io.tidings.dispatch.DispatchApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retries parked delivery reports and settles sends whose last message went final without a report
 * (a safety net: every final change already tries to settle). A report nobody claims within 7 days is
 * dropped: it was for a message we never sent. A message sent without any report for
 * {@code tidings.sms.report-timeout-hours} (72) counts as failed, and one dispatch gave up on
 * (failed or cancelled outside our channel) takes dispatch's state, so every send settles in the end.
 */
@Component
class PendingReports {

    private static final Logger log = LoggerFactory.getLogger(PendingReports.class);

    private final SendStore store;
    private final ReportStore parked;
    private final DeliveryReports reports;
    private final Settlement settlement;
    private final TransactionTemplate tx;
    private final DispatchApi dispatch;
    private final int reportTimeoutHours;
    private final long queuingTimeoutSeconds;

    PendingReports(SendStore store, ReportStore parked, DeliveryReports reports, Settlement settlement,
                   PlatformTransactionManager transactions,
                   DispatchApi dispatch,
                   @Value("${tidings.sms.report-timeout-hours:72}") int reportTimeoutHours,
                   @Value("${tidings.sms.queuing-timeout:PT2M}") java.time.Duration queuingTimeout) {
        this.queuingTimeoutSeconds = queuingTimeout.toSeconds();
        this.dispatch = dispatch;
        this.reportTimeoutHours = reportTimeoutHours;
        this.store = store;
        this.parked = parked;
        this.reports = reports;
        this.settlement = settlement;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Messages whose report or worker never came; see {@link ReportStore}. */
    @Scheduled(initialDelayString = "${tidings.sms.silent-interval:PT1M}", fixedDelayString = "${tidings.sms.silent-interval:PT1M}")
    void sweepSilent() {
        try {
            for (String send : store.queuingStalled(queuingTimeoutSeconds)) {
                log.warn("SMS send {} stopped queuing part-way; it sends what was queued", send);
                tx.executeWithoutResult(s -> settlement.afterFinal(send));
            }
            for (String send : parked.expireSilent(reportTimeoutHours)) {
                tx.executeWithoutResult(s -> settlement.afterFinal(send));
            }
            for (long[] m : parked.longQueued(30, 200)) {
                dispatch.find(m[1]).ifPresent(d -> {
                    String state = switch (d.state()) {
                        case FAILED -> "failed";
                        case CANCELLED -> "cancelled";
                        default -> null;
                    };
                    if (state != null) {
                        tx.executeWithoutResult(s -> store.markFinal(m[0], state, "dispatch: " + d.lastError())
                                .ifPresent(settlement::afterFinalOf));
                    }
                });
            }
        } catch (RuntimeException e) {
            log.warn("SMS silent message sweep failed", e);
        }
    }

    @Scheduled(initialDelayString = "${tidings.sms.pending-interval:PT1S}", fixedDelayString = "${tidings.sms.pending-interval:PT1S}")
    void sweep() {
        try {
            reports.retryAll(parked.pendingBatch(500), true);
            for (String send : store.unsettledDone()) {
                tx.executeWithoutResult(s -> settlement.afterFinal(send));
            }
            parked.expirePending(7);
        } catch (RuntimeException e) {
            log.warn("SMS pending report sweep failed", e);
        }
    }
}
