package dev.accounts.adapters.persistence.user;

import dev.accounts.domain.user.EmailAddress;
import dev.accounts.domain.user.PasswordHash;
import dev.accounts.domain.user.PersonName;
import dev.accounts.domain.user.User;
import dev.accounts.domain.user.UserId;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;

import java.util.UUID;

@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
interface UserRowMapper {

    @Mapping(target = "userId", source = "id.value")
    @Mapping(target = "email", source = "email.value")
    @Mapping(target = "emailNormalized", source = "email", qualifiedByName = "key")
    @Mapping(target = "firstName", source = "name.first")
    @Mapping(target = "lastName", source = "name.last")
    @Mapping(target = "passwordHash", source = "passwordHash.value")
    @Mapping(target = "createdAt", source = "registeredAt")
    UserRow toRow(User user);

    @Mapping(target = "id", source = "userId")
    @Mapping(target = "name", source = ".")
    @Mapping(target = "registeredAt", source = "createdAt")
    User toDomain(UserRow row);

    default PersonName name(UserRow row) {
        return new PersonName(row.firstName(), row.lastName());
    }

    default UserId userId(UUID value) {
        return new UserId(value);
    }

    default EmailAddress email(String value) {
        return new EmailAddress(value);
    }

    default PasswordHash passwordHash(String value) {
        return new PasswordHash(value);
    }

    @Named("key")
    default String key(EmailAddress email) {
        return email.key();
    }
}
