package io.tidings.dispatch;

import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;

/**
 * Run in a separate JVM by LeaseTakeoverTests: claims one batch as a node, says how many, then
 * waits to be killed, as a node that dies mid-send would.
 * Arguments: jdbc-url user channel node lease-millis batch-size.
 */
public final class ClaimThenHang {

    private ClaimThenHang() {
    }

    public static void main(String[] args) throws InterruptedException {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(args[0]);
        ds.setUser(args[1]);
        DispatchStore store = new DispatchStore(JdbcClient.create(ds));
        List<QueuedMessage> batch = store.claim(args[2], args[3], Duration.ofMillis(Long.parseLong(args[4])),
                Integer.parseInt(args[5]));
        System.out.println("claimed " + batch.size());
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(10));
    }
}
