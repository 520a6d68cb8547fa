using SocialPrescribing.Cli;

return await Spf.RunAsync(args, SpfConsole.Standard(), CancellationToken.None);
