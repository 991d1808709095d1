# The two commands of the README. Both install whatever is missing first.
.PHONY: serve test

serve:
	@bash scripts/serve.sh

test:
	@bash scripts/test.sh
