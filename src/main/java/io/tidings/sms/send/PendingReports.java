package io.tidings.sms.send;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries parked delivery reports and settles sends whose last message went final without a report
 * (a safety net: every final change already tries to settle). A report nobody claims within
 * {@code tidings.sms.pending-report-days} (7) is dropped: it was for a message we never sent.
 */
@Component
class PendingReports {

    private static final Logger log = LoggerFactory.getLogger(PendingReports.class);

    private final SendStore store;
    private final ReportStore parked;
    private final DeliveryReports reports;
    private final Settlement settlement;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    PendingReports(SendStore store, ReportStore parked, DeliveryReports reports, Settlement settlement,
                   org.springframework.transaction.PlatformTransactionManager transactions) {
        this.store = store;
        this.parked = parked;
        this.reports = reports;
        this.settlement = settlement;
        this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
    }

    @Scheduled(initialDelayString = "${tidings.sms.pending-interval:PT1S}", fixedDelayString = "${tidings.sms.pending-interval:PT1S}")
    void sweep() {
        try {
            for (ReportStore.Pending p : parked.pendingBatch(500)) {
                reports.retry(p);
            }
            for (String send : store.unsettledDone()) {
                tx.executeWithoutResult(s -> settlement.afterFinal(send));
            }
            parked.expirePending(7);
        } catch (RuntimeException e) {
            log.warn("SMS pending report sweep failed", e);
        }
    }
}
