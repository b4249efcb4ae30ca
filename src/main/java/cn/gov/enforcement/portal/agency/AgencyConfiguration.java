package cn.gov.enforcement.portal.agency;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgencySettings.class)
class AgencyConfiguration {}
