package cn.gov.enforcement.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The keys per-client limits count under. */
class ClientAddressTest {

    @Test
    void an_ipv4_address_is_its_own_key_and_no_address_is_unknown() {
        assertThat(ClientAddress.key("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.key(null)).isEqualTo("unknown");
        assertThat(ClientAddress.key(" ")).isEqualTo("unknown");
        assertThat(ClientAddress.key("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void every_address_of_one_ipv6_subscriber_network_shares_one_key() {
        String key = ClientAddress.key("2001:db8:85a3:12::8a2e:370:7334");
        assertThat(key).isEqualTo("2001:db8:85a3:12::/64");
        assertThat(ClientAddress.key("2001:0DB8:85A3:0012:ffff:ffff:ffff:1")).isEqualTo(key);
        assertThat(ClientAddress.key("[2001:db8:85a3:12::1]")).isEqualTo(key);
        assertThat(ClientAddress.key("2001:db8:85a3:12::1%eth0")).isEqualTo(key);
        assertThat(ClientAddress.key("2001:db8:85a3:13::1")).isNotEqualTo(key);
        assertThat(ClientAddress.key("::1")).isEqualTo("0:0:0:0::/64");
        assertThat(ClientAddress.key("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0::/64");
    }

    @Test
    void something_that_is_not_an_address_is_kept_as_it_is() {
        assertThat(ClientAddress.key("not:an:address:zz")).isEqualTo("not:an:address:zz");
        assertThat(ClientAddress.key("1:2:3:4:5:6:7:8:9")).isEqualTo("1:2:3:4:5:6:7:8:9");
    }
}
