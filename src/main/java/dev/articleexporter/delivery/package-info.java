/**
 * Delivery by e-mail: the subscribers file ({@code SubscribersFile}), what each
 * subscriber receives of a run (its nightly digest, or the articles of chosen sections),
 * sending with Spring's {@code JavaMailSender} ({@code MailSenders}), and the record of
 * every delivery in the history ({@code DeliveryHistory}) so a run's mail goes once and a
 * failed one is retried by a later run.
 *
 * <p>
 * May use {@code job} and the packages below it; used by {@code cli}. Start with
 * {@link dev.articleexporter.delivery.Deliveries}.
 */
package dev.articleexporter.delivery;
