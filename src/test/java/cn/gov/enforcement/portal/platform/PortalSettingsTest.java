package cn.gov.enforcement.portal.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.mediation.MediationSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

class PortalSettingsTest {

    @Test
    void the_public_address_defaults_to_localhost_and_loses_a_trailing_slash() {
        assertThat(new PortalSettings(Path.of("data")).link("staff/rating/R1"))
                .isEqualTo("http://localhost:8080/staff/rating/R1");
        assertThat(new PortalSettings(Path.of("data"), " https://portal.example.cn/ ").link("rating"))
                .isEqualTo("https://portal.example.cn/rating");
        assertThatThrownBy(() -> new PortalSettings(Path.of("data"), "javascript:alert(1)"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("portal.public-url");
    }

    @Test
    void production_warns_while_the_public_address_is_the_local_default() {
        assertThat(PlatformConfiguration.publicUrlWarning(new PortalSettings(Path.of("data")), true))
                .hasValueSatisfying(w -> assertThat(w).contains("http://localhost:8080", "PORTAL_PUBLIC_URL"));
        assertThat(PlatformConfiguration.publicUrlWarning(new PortalSettings(Path.of("data"), "http://127.0.0.1:9000/"), true))
                .isPresent();
        assertThat(PlatformConfiguration.publicUrlWarning(new PortalSettings(Path.of("data")), false))
                .as("the embedded default runs on one machine").isEmpty();
        assertThat(PlatformConfiguration.publicUrlWarning(new PortalSettings(Path.of("data"),
                "https://localhost.example.cn"), true)).isEmpty();
    }

    @Test
    void one_setting_gives_every_module_its_links_unless_mediation_has_its_own() throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test",
                Map.of("PORTAL_PUBLIC_URL", "https://portal.example.cn/")));
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                .forEach(source -> env.getPropertySources().addLast(source));
        Binder binder = Binder.get(env);
        assertThat(binder.bind("portal", PortalSettings.class).get().link("staff/rating/R1"))
                .isEqualTo("https://portal.example.cn/staff/rating/R1");
        assertThat(binder.bind("portal.mediation", MediationSettings.class).get().link("mediation"))
                .isEqualTo("https://portal.example.cn/mediation");

        env.getPropertySources().addFirst(new MapPropertySource("own",
                Map.of("portal.mediation.public-url", "https://tiaojie.example.cn")));
        assertThat(Binder.get(env).bind("portal.mediation", MediationSettings.class).get().link("mediation"))
                .isEqualTo("https://tiaojie.example.cn/mediation");
    }

    @Test
    void the_local_default_address_follows_the_port_the_portal_listens_on() throws Exception {
        assertThat(publicUrlWith(Map.of())).isEqualTo("http://localhost:8080");
        assertThat(publicUrlWith(Map.of("PORT", "9000"))).isEqualTo("http://localhost:9000");
        assertThat(publicUrlWith(Map.of("server.port", "18094")))
                .as("--server.port=18094 on the command line").isEqualTo("http://localhost:18094");
        assertThat(publicUrlWith(Map.of("server.port", "18094", "PORTAL_PUBLIC_URL", "https://portal.example.cn")))
                .isEqualTo("https://portal.example.cn");
    }

    private static String publicUrlWith(Map<String, Object> given) throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().addFirst(new MapPropertySource("given", given));
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                .forEach(source -> env.getPropertySources().addLast(source));
        return Binder.get(env).bind("portal", PortalSettings.class).get().publicUrl();
    }

    @Test
    void the_portals_clock_keeps_chinas_day_on_a_server_that_runs_on_utc() {
        java.time.Clock clock = new PlatformConfiguration().clock("Asia/Shanghai");
        assertThat(clock.getZone()).isEqualTo(java.time.ZoneId.of("Asia/Shanghai"));
        // 2026-12-04T20:00Z is already the 5th in Beijing: "today" of lists and reports follows the clock's zone
        java.time.Instant evening = java.time.Instant.parse("2026-12-04T20:00:00Z");
        assertThat(java.time.LocalDate.now(java.time.Clock.fixed(evening, clock.getZone())))
                .isEqualTo(java.time.LocalDate.of(2026, 12, 5));
        assertThat(new PlatformConfiguration().clock(" Europe/Berlin ").getZone()).isEqualTo(java.time.ZoneId.of("Europe/Berlin"));
        assertThat(org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new PlatformConfiguration().clock("Beijing")).getMessage()).contains("portal.zone", "Beijing");
    }
}
