using SocialPrescribing.Domain.Journeys.Commands;
using SocialPrescribing.Host.Http;

namespace SocialPrescribing.Host.Features.Journeys;

/// <summary>A command's request body: validates itself and becomes the domain command.</summary>
internal interface ICommandRequest : ICommandBody
{
    /// <summary>The command's name in the URL, <c>…/journeys/{id}/{name}</c>.</summary>
    static abstract string CommandName { get; }

    /// <summary>
    /// Whether the command may be sent on a journey outside the caller's scope (break-glass opens one): the pipeline
    /// then leaves the scope to the use case instead of refusing before the body is read.
    /// </summary>
    static virtual bool ReachesOutsideScope => false;
}

/// <summary>A request body as a value (of whichever command): what becomes the domain command.</summary>
internal interface ICommandBody
{

    /// <summary>The domain command, or null when a required part is missing (the validation then says which).</summary>
    JourneyCommand? ToCommand(RequestValidation validation, CommandMetadata metadata);

    /// <summary>
    /// The domain command, for bodies that must wait on something first (an assessment is scored, perhaps by a
    /// plugin). By default the same as <see cref="ToCommand"/>.
    /// </summary>
    ValueTask<JourneyCommand?> ToCommandAsync(RequestValidation validation, CommandMetadata metadata, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ToCommand(validation, metadata));
}
