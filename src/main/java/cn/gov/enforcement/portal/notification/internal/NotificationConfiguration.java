package cn.gov.enforcement.portal.notification.internal;

import cn.gov.enforcement.portal.notification.NotificationSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(NotificationSettings.class)
class NotificationConfiguration {
}
