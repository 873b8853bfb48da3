package dev.mocks3.drive.share;

import org.redisson.api.RedissonClient;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

import dev.mocks3.drive.DriveProperties;
import dev.mocks3.drive.account.JwtSecret;
import dev.mocks3.drive.content.ContentStore;
import dev.mocks3.drive.content.QuotaLedger;
import dev.mocks3.drive.files.EntryStore;
import dev.mocks3.drive.files.TreeCopy;
import dev.mocks3.state.StorageProperties;

/**
 * The shares' stores, tokens and limiters (scanned with the drive's functions, so built only
 * where the drive is). Their clock is {@link ShareProperties#clock()}, the rest of the drive's untouched.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShareProperties.class)
class ShareConfiguration {

    @Bean
    ShareStore driveShareStore(DatabaseClient db) {
        return new ShareStore(db);
    }

    @Bean
    ShareTokens driveShareTokens(DriveProperties drive, StorageProperties storage, ShareProperties p) {
        return new ShareTokens(JwtSecret.resolve(drive.jwtSecret(), storage.dataDir()), p.tokenLifetime(), p.clock());
    }

    @Bean
    ShareAccess driveShareAccess(ShareTokens tokens, ShareStore shares, ShareProperties p) {
        return new ShareAccess(tokens, shares, p.clock());
    }

    @Bean
    WrongCodeLimiter driveShareCodeLimiter(RedissonClient redis, ShareProperties p) {
        return new WrongCodeLimiter(redis.reactive(), p.wrongCodesPerShare(), p.wrongCodesPerAddress(), p.wrongCodeWindow());
    }

    @Bean
    ShareViews driveShareViews(RedissonClient redis) {
        return new ShareViews(redis.reactive());
    }

    @Bean
    ShareSummaries driveShareSummaries(ShareStore shares, ShareViews views, ShareProperties p) {
        return new ShareSummaries(shares, views, p.clock());
    }

    @Bean
    TreeCopy driveShareTreeCopy(EntryStore entries, ContentStore contents, QuotaLedger quotas) {
        return new TreeCopy(entries, contents, quotas);
    }
}
