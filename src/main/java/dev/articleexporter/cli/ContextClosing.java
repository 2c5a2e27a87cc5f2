package dev.articleexporter.cli;

import java.util.concurrent.CountDownLatch;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Lets {@code serve}'s main thread wait for the end of the server. The context is closed
 * by another thread (the JVM's shutdown hook at SIGTERM or Ctrl-C), and the event comes
 * at the start of that close: the running export still stops and the database still
 * closes after it, in the same thread. So the wait is for that thread to end.
 */
final class ContextClosing implements ApplicationListener<ContextClosedEvent> {

    private final CountDownLatch closing = new CountDownLatch(1);

    private volatile Thread closer;

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closer = Thread.currentThread();
        closing.countDown();
    }

    /**
     * Returns once the context has been closed and the thread that closed it has ended.
     */
    void await() throws InterruptedException {
        closing.await();
        closer.join();
    }

}
