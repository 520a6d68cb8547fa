using SocialPrescribing.Accounts;

namespace SocialPrescribing.Host.Features.SignIn;

/// <summary>
/// <c>/account/forgot</c>: asks for a password reset link. The answer is the same whether or not the account exists,
/// and the link goes through <see cref="IAccountLinkSender"/> to the person, never onto the page.
/// </summary>
internal static class ForgotPasswordPage
{
    public const string Path = "/account/forgot";

    public static IResult Get(HttpContext http) => Render(AccountPage.FromQuery(http, "returnUrl"));

    public static async Task<IResult> PostAsync(HttpContext http, SignInFlow flow, AccountLinks links)
    {
        var (page, form) = await AccountPage.ReadFormAsync(http, "returnUrl");
        if (form is null || !page.Require(form, "userName"))
        {
            if (form is null)
            {
                page.Error("userName", page.Text.FormExpired);
            }

            return Render(page, StatusCodes.Status400BadRequest);
        }

        var userName = form["userName"].ToString().Trim();
        if (await flow.OverLimitAsync(http, page, userName) is { } wait)
        {
            page.Error("userName", wait);
            return Render(page, StatusCodes.Status429TooManyRequests);
        }

        if (await flow.Directory.RequestPasswordResetAsync(userName) is { } reset)
        {
            await links.SendAsync(AccountLinkKind.PasswordReset, reset.User, null, reset.Code, page.Text.Lang, http.RequestAborted);
        }

        return page.Message(page.Text.ForgotTitle, page.Text.LinkSent, more: Html.Of($"<p><a href=\"{page.Onward(SignInPage.Path)}\">{page.Text.SignInTitle}</a></p>"));
    }

    private static IResult Render(AccountPage page, int status = StatusCodes.Status200OK)
    {
        var t = page.Text;
        var field = page.Field("userName", t.UserName, "text", "username", hint: t.ForgotIntro);
        return page.Show(t.ForgotTitle, page.Form(field, t.SendLink), status);
    }
}
