package dev.accounts.adapters.web.registration;

import dev.accounts.application.port.in.RegisterUserCommand;
import org.mapstruct.Mapper;
import org.mapstruct.ReportingPolicy;

@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
interface RegistrationWebMapper {

    RegisterUserCommand toCommand(RegisterUserRequest request, String clientAddress);
}
