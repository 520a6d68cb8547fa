using SocialPrescribing.Domain.Journeys;

namespace SocialPrescribing.Host.Http;

/// <summary>The RFC 9457 problem responses the API gives, in one place so their shapes agree.</summary>
internal static class Problems
{
    public static IResult Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors, detail ?? "One or more fields are invalid.", title: "The request is invalid.");

    public static IResult Field(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    public static IResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Not permitted.");

    /// <summary>403 for a part of the record the person's lock-box withholds from the caller; it says so, not what or by whom.</summary>
    public static IResult Withheld() =>
        TypedResults.Problem(
            SocialPrescribing.Domain.Journeys.Privacy.Disclosure.Notice,
            statusCode: StatusCodes.Status403Forbidden,
            title: "Withheld at the person's request.");

    public static IResult UnknownJourney() => NotFound("No journey with this id in this tenant.");

    public static IResult Conflict(JourneyStatus status, CommandRejection rejection) =>
        TypedResults.Problem(
            rejection.Detail,
            statusCode: StatusCodes.Status409Conflict,
            title: "Not allowed in the journey's current state.",
            extensions: new Dictionary<string, object?>
            {
                ["journeyStatus"] = WireNames.Of(status),
                ["field"] = rejection.Field,
                ["allowed"] = rejection.Allowed,
            });

    /// <summary>422, as the IETF Idempotency-Key draft asks: the key was first used with a different request.</summary>
    public static IResult KeyReused(string detail) =>
        TypedResults.Problem(
            detail,
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Idempotency-Key reused with a different request.",
            type: "https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/",
            extensions: new Dictionary<string, object?> { ["field"] = RequestHeaders.IdempotencyKey });

    public static IResult UnsupportedMediaType(string? contentType) =>
        TypedResults.Problem(
            contentType is null ? "Send the body as application/json." : $"'{contentType}' is not accepted; send application/json.",
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported media type.");

    public static IResult TooLarge(int maxBytes) =>
        TypedResults.Problem(
            $"The body is larger than {maxBytes} bytes.",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request body too large.");

    public static IResult TargetTooLong(int maxLength) =>
        TypedResults.Problem(
            $"The path and query are longer than {maxLength} characters.",
            statusCode: StatusCodes.Status414UriTooLong,
            title: "Request target too long.");

    public static IResult Unavailable() =>
        TypedResults.Problem(
            "Journey storage is unavailable; nothing was changed. Retry shortly with the same Idempotency-Key.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Service unavailable.");
}
