package cn.gov.enforcement.portal.backup;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(BackupSettings.class)
class BackupConfiguration {}
