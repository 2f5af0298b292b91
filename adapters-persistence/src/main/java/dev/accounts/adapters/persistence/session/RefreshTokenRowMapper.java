package dev.accounts.adapters.persistence.session;

import dev.accounts.domain.session.SessionId;
import dev.accounts.domain.session.StoredRefreshToken;
import dev.accounts.domain.user.UserId;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

import java.util.UUID;

@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
interface RefreshTokenRowMapper {

    @Mapping(target = "userId", source = "userId.value")
    @Mapping(target = "familyId", source = "session.value")
    RefreshTokenRow toRow(StoredRefreshToken token);

    @Mapping(target = "session", source = "familyId")
    StoredRefreshToken toDomain(RefreshTokenRow row);

    default UserId userId(UUID value) {
        return new UserId(value);
    }

    default SessionId session(UUID value) {
        return new SessionId(value);
    }
}
