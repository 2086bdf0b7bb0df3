/** The ./tidings command line: parses subcommands and hands them to the modules. */
@org.springframework.modulith.ApplicationModule(displayName = "Command line")
package io.tidings.cli;
