package dev.accounts.adapters.persistence.user;

import dev.accounts.domain.credentials.PasswordHash;
import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.PersonName;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

import java.util.UUID;

@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
interface UserRowMapper {

    @Mapping(target = "userId", source = "id.value")
    @Mapping(target = "email", source = "email.value")
    @Mapping(target = "emailNormalized", source = "email.key")
    @Mapping(target = "firstName", source = "name.first")
    @Mapping(target = "lastName", source = "name.last")
    @Mapping(target = "passwordHash", source = "passwordHash.value")
    @Mapping(target = "createdAt", source = "registeredAt")
    UserRow toRow(User user);

    @Mapping(target = "id", source = "userId")
    @Mapping(target = "email", source = ".")
    @Mapping(target = "name", source = ".")
    @Mapping(target = "registeredAt", source = "createdAt")
    @Mapping(target = "rehashed", ignore = true) // a state change of the aggregate, not a property
    User toDomain(UserRow row);

    default PersonName name(UserRow row) {
        return new PersonName(row.firstName(), row.lastName());
    }

    default UserId userId(UUID value) {
        return new UserId(value);
    }

    /** The key it was stored under: a row's key is changed only by a migration, never on reading. */
    default EmailAddress email(UserRow row) {
        return new EmailAddress(row.email(), row.emailNormalized());
    }

    default PasswordHash passwordHash(String value) {
        return new PasswordHash(value);
    }
}
