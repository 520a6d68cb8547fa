using Microsoft.AspNetCore.Diagnostics;
using SocialPrescribing.Host.Features.Assessments;
using SocialPrescribing.Storage;

namespace SocialPrescribing.Host.Http;

/// <summary>
/// The last line: storage outages become 503 (the client may retry with the same Idempotency-Key),
/// malformed requests the server itself rejected keep their 4xx, and anything else is a logged 500
/// with no detail leaked. A console page that fails gets a page in the person's language instead of a problem.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = Classify(exception);
        // A busy plugin is an expected refusal, already logged by the invoker; it is no server fault to log again.
        if (status >= 500 && exception is not Plugins.PluginCallException { Reason: Plugins.PluginCallFailure.Saturated })
        {
            LogFailure(exception, httpContext.Request.Method, httpContext.GetEndpoint()?.DisplayName, status);
        }

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        if (Features.WebConsole.ConsoleErrorPage.Serves(httpContext))
        {
            await Features.WebConsole.ConsoleErrorPage.WriteAsync(httpContext, status);
            return true;
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    private static (int Status, string Title, string Detail) Classify(Exception exception) => exception switch
    {
        BadHttpRequestException bad => (bad.StatusCode, "Bad request.", "The request could not be read."),
        SocialPrescribing.Application.Access.AccessDeniedException denied => (StatusCodes.Status403Forbidden, "Forbidden.", denied.Message),
        Plugins.PluginCallException { Reason: Plugins.PluginCallFailure.Saturated } busy => (StatusCodes.Status503ServiceUnavailable, "A plugin is busy.",
            $"The plugin '{busy.PluginId}' has too many calls running for this program, so '{busy.Operation}' was not tried; nothing was recorded. Retry shortly."),
        Plugins.PluginCallException call => (StatusCodes.Status502BadGateway, "A plugin failed.",
            $"The plugin '{call.PluginId}' did not complete '{call.Operation}' ({Plugins.PluginStatusNames.Of(call.Reason)}); nothing was recorded."),
        InstrumentFaultException fault => (StatusCodes.Status502BadGateway, "The instrument failed.", fault.Message),
        _ when IsUnavailable(exception) => (StatusCodes.Status503ServiceUnavailable, "Service unavailable.",
            "Journey storage or the cluster is unavailable; nothing was acknowledged. Retry shortly with the same Idempotency-Key."),
        _ => (StatusCodes.Status500InternalServerError, "Unexpected error.", "The error was logged."),
    };

    private static bool IsUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is StorageUnavailableException or TimeoutException or SiloUnavailableException or OrleansMessageRejectionException)
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Endpoint} failed with {Status}")]
    private partial void LogFailure(Exception exception, string method, string? endpoint, int status);
}
