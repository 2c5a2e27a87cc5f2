package dev.articleexporter.delivery;

import dev.articleexporter.delivery.Delivery.Status;
import dev.articleexporter.delivery.DeliveryHistory.Record;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

/**
 * Delivers what a run has for each subscriber, once: the run's nightly digest, or the
 * articles of the subscriber's sections, each recipient's item recorded in the history
 * ({@link DeliveryHistory}) before the mail goes and after. A mail server that is down or
 * refuses fails the delivery, never the run: a later run (or {@code deliver}) tries
 * again, with the same Message-ID, so a retry is recognisable.
 */
@Service
public class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final DeliveryHistory history;

    private final RunFiles runs;

    private final MailSenders senders;

    private final Environment environment;

    private final Clock clock;

    private final DigestSplit split;

    @Autowired
    public Deliveries(DeliveryHistory history, RunFiles runs, MailSenders senders, DigestSplit split,
            Environment environment) {
        this(history, runs, senders, split, environment, Clock.systemUTC());
    }

    Deliveries(DeliveryHistory history, RunFiles runs, MailSenders senders, DigestSplit split, Environment environment,
            Clock clock) {
        this.split = split;
        this.history = history;
        this.runs = runs;
        this.senders = senders;
        this.environment = environment;
        this.clock = clock;
    }

    /**
     * How to deliver.
     *
     * @param from the sender, or {@code null} for {@code exporter.mail.from}
     * @param again send also what was sent before (with a new Message-ID)
     * @param dryRun send nothing, record nothing: say what would go
     */
    public record Request(List<Subscriber> subscribers, String from, boolean again, boolean dryRun) {

        public Request {
            subscribers = List.copyOf(subscribers);
        }
    }

    /** The latest run on record, if any. */
    public Optional<Long> latestRun() {
        return runs.latestRun();
    }

    /** What is missing to send anything, or {@code null} when mail can go. */
    public String problem(Request request) {
        MailSettings settings = MailSettings.of(environment).withFrom(request.from());
        if (settings.from().isEmpty()) {
            return "no sender address: give --mail-from ADDRESS or set exporter.mail.from";
        }
        if (!request.dryRun() && senders.sender() == null) {
            return "no mail server: set spring.mail.host (SPRING_MAIL_HOST) and its port, user and password";
        }
        return null;
    }

    /**
     * After a run: delivers its items, then retries the failed deliveries of earlier runs
     * whose time has come (doubling delays), for the subscribers still in the file.
     */
    public List<Delivery> afterRun(long runId, Request request) {
        List<Delivery> done = new ArrayList<>(deliver(runId, request));
        MailSettings settings = MailSettings.of(environment);
        for (Record failed : history.due(runId, clock.instant(), settings.maxAttempts())) {
            request.subscribers()
                .stream()
                .filter(s -> s.address().equals(failed.recipient()) && s.item().equals(failed.item()))
                .findFirst()
                .ifPresent(s -> done.add(deliverOne(failed.runId(), s, request)));
        }
        return done;
    }

    /** Delivers one run's items to every subscriber (a failed one is tried again now). */
    public List<Delivery> deliver(long runId, Request request) {
        return request.subscribers().stream().map(s -> deliverOne(runId, s, request)).toList();
    }

    private Delivery deliverOne(long runId, Subscriber subscriber, Request request) {
        MailSettings settings = MailSettings.of(environment).withFrom(request.from());
        String item = subscriber.item();
        Optional<Record> before = history.find(runId, subscriber.address(), item);
        if (!request.again() && before.isPresent()) {
            if (DeliveryHistory.SENT.equals(before.get().result())) {
                return new Delivery(runId, subscriber.address(), item, Status.ALREADY_SENT, before.get().files(), null);
            }
            if (DeliveryHistory.SENDING.equals(before.get().result())) {
                return new Delivery(runId, subscriber.address(), item, Status.UNCERTAIN, before.get().files(), null);
            }
        }
        Contents contents = contents(runId, subscriber);
        if (contents.files().isEmpty()) {
            return new Delivery(runId, subscriber.address(), item, Status.NOTHING, List.of(), contents.missing());
        }
        boolean split = subscriber.digest() && settings.linkBase().isEmpty()
                && contents.files().stream().anyMatch(f -> Mails.sentSize(f) + Mails.OVERHEAD > subscriber.maxSize());
        if (split && request.dryRun()) {
            return new Delivery(runId, subscriber.address(), item, Status.WOULD_SEND, names(contents.files()),
                    "over " + Mails.megabytes(subscriber.maxSize()) + ": split into parts");
        }
        Path parts = null;
        try {
            if (split) {
                parts = Files.createTempDirectory("digest-parts-");
                contents = new Contents(contents.title(), splitFiles(runId, contents.files(), subscriber, parts), null);
            }
            return deliverFiles(runId, subscriber, request, contents, settings, before);
        }
        catch (IOException e) {
            return fail(runId, subscriber, item, names(contents.files()),
                    "the digest could not be split into parts: " + describe(e), e, settings);
        }
        catch (Mails.TooLargeException e) {
            return fail(runId, subscriber, item, names(contents.files()), e.getMessage(), null, settings);
        }
        finally {
            if (parts != null) {
                FileSystemUtils.deleteRecursively(parts.toFile());
            }
        }
    }

    private List<Path> splitFiles(long runId, List<Path> files, Subscriber subscriber, Path folder)
            throws IOException, Mails.TooLargeException {
        List<Path> result = new ArrayList<>();
        for (Path file : files) {
            if (Mails.sentSize(file) + Mails.OVERHEAD > subscriber.maxSize()) {
                result.addAll(split.split(runId, file, subscriber.maxSize(), folder));
            }
            else {
                result.add(file);
            }
        }
        return result;
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(f -> f.getFileName().toString()).toList();
    }

    private Delivery deliverFiles(long runId, Subscriber subscriber, Request request, Contents contents,
            MailSettings settings, Optional<Record> before) {
        String item = subscriber.item();
        List<String> names = names(contents.files());
        List<Mails.Mail> mails;
        try {
            mails = Mails.pack(contents.files(), subscriber.maxSize(), settings.linkBase());
        }
        catch (Mails.TooLargeException e) {
            if (request.dryRun()) {
                return new Delivery(runId, subscriber.address(), item, Status.WOULD_SEND, names,
                        "it would fail: " + e.getMessage());
            }
            return fail(runId, subscriber, item, names, e.getMessage(), null, settings);
        }
        if (request.dryRun()) {
            return new Delivery(runId, subscriber.address(), item, Status.WOULD_SEND, names,
                    mails.size() == 1 ? null : mails.size() + " mails");
        }
        // The same Message-ID for every try of a delivery; a deliberate re-send gets a
        // new one.
        String base = messageId(runId, subscriber, item)
                + (request.again() && before.isPresent() ? ".again" + before.get().attempts() : "");
        String domain = settings.from().substring(settings.from().indexOf('@') + 1);
        String firstId = "<" + base + ".1@" + domain + ">";
        history.sending(runId, subscriber.address(), item, names, firstId);
        JavaMailSenderImpl sender = senders.sender();
        if (sender == null) {
            return fail(runId, subscriber, item, names, "no mail server is configured (spring.mail.host)", null,
                    settings);
        }
        try {
            List<MimeMessage> messages = new ArrayList<>(mails.size());
            for (int i = 0; i < mails.size(); i++) {
                messages.add(message(sender, settings.from(), subscriber.address(),
                        subject(contents.title(), i + 1, mails.size()), mails.get(i),
                        "<" + base + "." + (i + 1) + "@" + domain + ">"));
            }
            sender.send(messages.toArray(MimeMessage[]::new));
        }
        catch (MailException | MessagingException e) {
            return fail(runId, subscriber, item, names,
                    describe(e) + " (mail server " + MailSenders.describe(sender) + ")", e, settings);
        }
        history.sent(runId, subscriber.address(), item);
        log.info("Run {}: sent {} to {} ({} mail(s), Message-ID {})", runId, names, subscriber.address(), mails.size(),
                firstId);
        return new Delivery(runId, subscriber.address(), item, Status.SENT, names, null);
    }

    private Delivery fail(long runId, Subscriber subscriber, String item, List<String> names, String error,
            Exception cause, MailSettings settings) {
        if (history.find(runId, subscriber.address(), item).isEmpty()) {
            history.sending(runId, subscriber.address(), item, names, null);
        }
        int attempts = history.find(runId, subscriber.address(), item).map(Record::attempts).orElse(1);
        history.failed(runId, subscriber.address(), item, error, clock.instant().plus(settings.backoff(attempts)));
        log.warn("Run {}: could not deliver to {}: {}", runId, subscriber.address(), error, cause);
        return new Delivery(runId, subscriber.address(), item, Status.FAILED, names, error);
    }

    /**
     * What a subscriber receives of a run.
     *
     * @param missing why there is nothing, when {@code files} is empty
     */
    private record Contents(String title, List<Path> files, String missing) {
    }

    private Contents contents(long runId, Subscriber subscriber) {
        if (subscriber.digest()) {
            return runs.digest(runId)
                .map(d -> new Contents(d.title(), d.files(subscriber.formats()),
                        "the digest of run " + runId + " has no " + String.join(" or ", subscriber.formats())
                                + " file in " + d.folder()))
                .orElse(new Contents("", List.of(), "run " + runId + " wrote no nightly digest"));
        }
        List<Path> files = runs.articles(runId, subscriber.sections(), subscriber.formats());
        return new Contents("Articles of run " + runId + ": " + String.join(", ", subscriber.sections()), files,
                "run " + runId + " exported no articles in " + String.join(", ", subscriber.sections()));
    }

    private static String subject(String title, int part, int parts) {
        return parts == 1 ? title : title + " (mail " + part + " of " + parts + ")";
    }

    private static MimeMessage message(JavaMailSenderImpl sender, String from, String to, String subject,
            Mails.Mail mail, String messageId) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(to);
        helper.setSubject(subject);
        StringBuilder text = new StringBuilder(subject).append("\n\n");
        mail.attachments().forEach(f -> text.append("Attached: ").append(f.getFileName()).append('\n'));
        if (!mail.links().isEmpty()) {
            text.append("Too large to attach; download:\n");
            mail.links().forEach(link -> text.append(link).append('\n'));
        }
        helper.setText(text.toString());
        for (Path file : mail.attachments()) {
            helper.addAttachment(file.getFileName().toString(), file.toFile());
        }
        // JavaMailSenderImpl keeps an explicit Message-ID: a retry is then recognisable
        message.setHeader("Message-ID", messageId);
        return message;
    }

    /** A stable name for one run's item to one recipient. */
    private static String messageId(long runId, Subscriber subscriber, String item) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                .digest((subscriber.address() + "\n" + item).getBytes(StandardCharsets.UTF_8));
            return "article-exporter.run-" + runId + "." + HexFormat.of().formatHex(hash, 0, 8);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mail server's own words, without Java's class names. */
    static String describe(Exception e) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
        String message = root.getMessage() == null ? e.getMessage() : root.getMessage();
        return message == null ? "the mail could not be sent" : message.strip().replaceAll("\\s+", " ");
    }

}
