package cn.gov.enforcement.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.IntegrationTest;
import cn.gov.enforcement.portal.PortalApplication;
import cn.gov.enforcement.portal.testsupport.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.ApplicationContext;

/**
 * The whole application in a test has the portal's own clock: the system clock in the portal's zone. A test's slice
 * of the portal (a configuration of its own with a clock the test sets, such as the notification module's) is
 * excluded from the portal's component scan, so that its frozen clock does not stand in for this one.
 */
class PortalClockIT extends IntegrationTest {

    @Autowired Clock clock;
    @Autowired ApplicationContext context;
    @Value("${portal.zone:Asia/Shanghai}") String zone;

    @Test
    void the_clock_is_the_system_clock_in_the_portals_zone() {
        assertThat(clock).isNotInstanceOf(MutableClock.class);
        assertThat(clock.getZone()).isEqualTo(PlatformConfiguration.portalZone(zone));
        assertThat(Duration.between(clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
        assertThat(context.getBeansOfType(Clock.class)).hasSize(1);
    }

    @Test
    void no_configuration_of_a_test_slice_is_part_of_the_application() {
        assertThat(context.getBeansWithAnnotation(SpringBootConfiguration.class).values())
                .extracting(Object::getClass).extracting(Class::getName)
                .allSatisfy(name -> assertThat(name).startsWith(PortalApplication.class.getName()));
    }
}
