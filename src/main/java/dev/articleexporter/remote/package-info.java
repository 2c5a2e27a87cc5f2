/**
 * Remote partitioning: the run's partitions go over an Artemis broker (JMS, Spring
 * Integration) to worker processes on other machines instead of threads of this one.
 * Spring Batch's remote partitioning in polling mode: the manager sends one request per
 * partition and watches the shared job repository; workers run the same partition step as
 * the local run. Only contexts with {@code exporter.remote.role} {@code manager} or
 * {@code worker} have these beans ({@link dev.articleexporter.remote.RemoteProperties});
 * they are made without Spring AOT.
 *
 * <p>
 * May use {@code job} and the packages below it; not {@code cli} or {@code web}. Start
 * with {@link dev.articleexporter.remote.RemoteManagerConfig}, then
 * {@link dev.articleexporter.remote.RemoteWorkerConfig} and
 * {@link dev.articleexporter.remote.PartitionWatch}.
 */
package dev.articleexporter.remote;
