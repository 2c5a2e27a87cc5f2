package dev.articleexporter.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.articleexporter.remote.RemoteProperties.Role;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RemotePropertiesTest {

    private static RemoteProperties of(Role role, String broker, String user, String password) {
        return new RemoteProperties(role, broker, user, password, 0, 0, null, 0, Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofHours(24));
    }

    @Test
    void brokerUrlsAreTcpOrEmbeddedWithHostAndPort() {
        assertThat(BrokerUrl.parse("tcp://broker.example:61616"))
            .isEqualTo(new BrokerUrl(false, "broker.example", 61616));
        assertThat(BrokerUrl.parse("embedded://0.0.0.0:61617").tcp()).isEqualTo("tcp://0.0.0.0:61617");
        assertThat(BrokerUrl.parse("tcp://[::1]:61616")).satisfies(url -> {
            assertThat(url.host()).isEqualTo("::1");
            assertThat(url.tcp()).isEqualTo("tcp://[::1]:61616");
            assertThat(url.isLoopback()).isTrue();
        });
        for (String wrong : new String[] { "", "localhost:61616", "http://h:1", "tcp://h", "tcp://h:1/queue",
                "tcp://h:99999" }) {
            assertThatIllegalArgumentException().isThrownBy(() -> BrokerUrl.parse(wrong))
                .withMessageStartingWith("--broker must be tcp://HOST:PORT or embedded://HOST:PORT, not");
        }
    }

    @Test
    void anEmbeddedBrokerBeyondLoopbackNeedsCredentials() {
        assertThat(of(Role.MANAGER, "embedded://127.0.0.1:61616", null, null).brokerUrl().embedded()).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> of(Role.MANAGER, "embedded://0.0.0.0:61616", null, null))
            .withMessageContaining("needs a user and a password");
        assertThat(of(Role.MANAGER, "embedded://0.0.0.0:61616", "u", "p").user()).isEqualTo("u");
    }

    @Test
    void aWorkerConnectsToARunningBroker() {
        assertThatIllegalArgumentException().isThrownBy(() -> of(Role.WORKER, "embedded://127.0.0.1:61616", null, null))
            .withMessageContaining("--broker must be tcp://HOST:PORT");
        assertThatIllegalArgumentException().isThrownBy(() -> of(Role.WORKER, null, null, null))
            .withMessageStartingWith("--broker must be");
        assertThat(of(Role.LOCAL, null, null, null).role()).isEqualTo(Role.LOCAL);
    }

    @Test
    void deadAfterIsAtLeastTwoHeartbeats() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new RemoteProperties(Role.LOCAL, null, null, null, 0, 0, null, 0, Duration.ofSeconds(5),
                    Duration.ofSeconds(9), Duration.ofHours(1)))
            .withMessageContaining("dead-after at least twice the heartbeat");
    }

}
