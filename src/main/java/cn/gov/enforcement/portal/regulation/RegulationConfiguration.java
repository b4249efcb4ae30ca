package cn.gov.enforcement.portal.regulation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RegulationSettings.class)
class RegulationConfiguration {}
