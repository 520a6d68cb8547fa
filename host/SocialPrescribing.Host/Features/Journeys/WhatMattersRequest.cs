using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

internal sealed record WhatMattersRequest(IReadOnlyList<string?>? Items) : ICommandRequest
{
    public static string CommandName => JourneyCommandNames.RecordWhatMatters;

    public JourneyCommand ToCommand(RequestValidation validation, CommandMetadata metadata) =>
        new RecordWhatMatters(validation.Items(Items, "items")) { CommandId = metadata.CommandId, Actor = metadata.Actor };
}
