#include "cli.hpp"

int main(int argc, char** argv) { return actorgraph::cli::run(argc, argv); }
