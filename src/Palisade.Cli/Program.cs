using Palisade.Cli;

var context = new CliContext(Console.In, Console.Out, Console.Error, !Console.IsOutputRedirected) { ErrorInteractive = !Console.IsErrorRedirected };
return CliApp.Run(args, context);
