using System.ComponentModel;
using System.Text.Json;
using SocialPrescribing.Application.CommunityDirectory;
using SocialPrescribing.Domain.Journeys;
using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

/// <summary>
/// <c>make-community-referral</c>: a program named by hand (<c>program</c>), or a service at a location of the tenant's
/// directory (<c>serviceAtLocationId</c>, as a match offers it), whose name, service and provider organization the
/// directory fills in (what <c>program</c> gives too wins).
/// </summary>
internal sealed record CommunityReferralRequest(
    ProgramRequest? Program = null,
    [property: MultilineText] string? Notes = null,
    [property: Description("A service at a location of the tenant's directory (GET …/hsds/service_at_locations/{id}, or a match's serviceAtLocationId): the referral is addressed to it and to its organization.")] string? ServiceAtLocationId = null) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.MakeCommunityReferral;

    public JourneyCommand? ToCommand(RequestValidation validation, CommandMetadata metadata) =>
        throw new NotSupportedException("A referral may be addressed from the directory, which is read asynchronously; use ToCommandAsync.");

    public async ValueTask<JourneyCommand?> ToCommandAsync(RequestValidation validation, CommandMetadata metadata, CancellationToken cancellationToken)
    {
        var notes = validation.Optional(Notes, "notes");
        var place = validation.OptionalId(ServiceAtLocationId, "serviceAtLocationId");
        if (place is null && ServiceAtLocationId is null && validation.RequiredObject(Program, "program") is null)
        {
            return null;
        }

        var program = Program ?? new ProgramRequest();
        string? name = program.Name, serviceId = program.ServiceId, organization = program.Organization;
        Guid? organizationId = null;
        if (place is { } id && metadata.Caller is { } caller)
        {
            var found = await metadata.Services.GetRequiredService<DirectoryUseCases>().FindServiceAtLocationAsync(caller, id, cancellationToken);
            if (found is null)
            {
                validation.Add("serviceAtLocationId", "No service at a location with this id in this tenant's directory.");
                return null;
            }

            name ??= found.Service.Name;
            serviceId ??= found.Service.Id.ToString();
            organizationId = found.Service.OrganizationId;
            organization ??= OrganizationName(found.Service.Document);
        }

        return new MakeCommunityReferral(
            new CommunityProgram(
                validation.Required(name, "program.name", 200),
                validation.Optional(serviceId, "program.serviceId", 200),
                validation.Optional(organization is { Length: > 200 } ? organization[..200] : organization, "program.organization", 200),
                place,
                organizationId),
            notes)
        {
            CommandId = metadata.CommandId,
            Actor = metadata.Actor,
        };
    }

    private static string? OrganizationName(string document)
    {
        using var parsed = JsonDocument.Parse(document);
        return parsed.RootElement.TryGetProperty("organization", out var organization) && organization.ValueKind == JsonValueKind.Object
            && organization.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()
            : null;
    }
}
